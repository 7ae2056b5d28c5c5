import { describe, expect, it } from "vitest";
import { counterProgram } from "./__fixtures__/counter";
import { check, defineExercise } from "./check";
import { directExecutor } from "./direct-executor";
import type { Executor, MeasuredRun, RunRequest } from "./executor";
import { gradeWithDefinition } from "./grade";

const counter = counterProgram(true);

const explore40 = defineExercise({
  checks: [
    check("no update is lost under 40 PCT schedules", async (t) => {
      await t.explore({ strategy: "pct", runs: 40 }, (run) => t.expect(run).toPrint(["count = 6"]));
    }),
  ],
});

/**
 * An executor like a worker pool on a machine whose cores other work keeps busy: every batch
 * comes back `waitMs` late, while its runs report `cpuMs` each (what the worker measured).
 */
function busyPool(waitMs: number, cpuMs: number, batches: number[] = []): Executor {
  const inner = directExecutor();
  const runMany = async (requests: readonly RunRequest[]): Promise<MeasuredRun[]> => {
    batches.push(requests.length);
    await new Promise((resolve) => setTimeout(resolve, waitMs));
    const out: MeasuredRun[] = [];
    for (const request of requests) out.push({ result: await inner.run(request), cpuMs });
    return out;
  };
  return { concurrency: 2, run: async (request) => (await runMany([request]))[0]!.result, runMany };
}

describe("the grading's budget", () => {
  it("counts the runs' CPU time, not the time a busy machine makes them wait: a correct program passes", async () => {
    // 40 schedules, each batch 30 ms late: far more real time than the 20 ms budget, little CPU.
    const result = await gradeWithDefinition(explore40, "x/busy", counter, {
      executor: busyPool(30, 0.1),
      budgetMs: 20,
    });
    expect(result.tests[0]).toMatchObject({ status: "pass", message: null });
    expect(result.interleave.executed).toBe(40);
  });

  it("stops a grading whose runs spend its CPU budget, as an error of the grading", async () => {
    const result = await gradeWithDefinition(explore40, "x/slow", counter, {
      executor: busyPool(0, 5),
      budgetMs: 20,
    });
    expect(result.status).toBe("error");
    expect(result.tests[0]?.message).toMatch(/ran out of its 20 ms budget of CPU time/);
    expect(result.interleave.executed).toBeLessThan(40);
  });

  it("keeps a wall-clock safety net for a machine too busy to grade at all", async () => {
    const result = await gradeWithDefinition(explore40, "x/stalled", counter, {
      executor: busyPool(30, 0.1),
      budgetMs: 10_000,
      wallBudgetMs: 50,
    });
    expect(result.status).toBe("error");
    expect(result.tests[0]?.message).toMatch(/ran out of its 50 ms of real time .*too busy/);
  });

  it("explores in batches that grow from one schedule, with the same verdict and counterexample", async () => {
    const unlocked = counterProgram(false);
    const batches: number[] = [];
    const batched = await gradeWithDefinition(explore40, "x/batched", unlocked, {
      executor: busyPool(0, 0.1, batches),
    });
    const single = await gradeWithDefinition(explore40, "x/single", unlocked, { executor: directExecutor() });
    expect(batched.status).toBe("fail");
    expect(batched.tests[0]?.message).toBe(single.tests[0]?.message);
    expect(batched.interleave.tests[0]?.reproduce).toEqual(single.interleave.tests[0]?.reproduce);

    const passing: number[] = [];
    await gradeWithDefinition(explore40, "x/passing", counter, { executor: busyPool(0, 0.1, passing) });
    // The first schedule alone, then two batches at a time: 1, 1, 2, 2, 4, 4 ... (39 after the first).
    expect(passing.slice(0, 7)).toEqual([1, 1, 1, 2, 2, 4, 4]);
    expect(passing.reduce((a, b) => a + b, 0)).toBe(40);
  });
});
