import { describe, expect, it } from "vitest";
import { counterProgram } from "./__fixtures__/counter";
import { check, defineExercise } from "./check";
import { directExecutor } from "./direct-executor";
import { gradeWithDefinition } from "./grade";
import { sandboxExecutor } from "./sandbox-executor";

const definition = defineExercise({
  checks: [
    check("no update is lost under 200 PCT schedules", async (t) => {
      await t.explore({ strategy: "pct", depth: 2, runs: 200 }, (run) =>
        t.expect(run, "Hold a lock around the read and the write.").toPrint(["count = 6"]),
      );
    }),
  ],
});
const executor = directExecutor();
const grade = (source: string) =>
  gradeWithDefinition(definition, "08-race-conditions/lost-update", source, { executor });

describe("t.explore", () => {
  it("finds a lost update in a handful of PCT schedules and returns the schedule that shows it", async () => {
    const result = await grade(counterProgram(false));
    expect(result.status).toBe("fail");
    const [test] = result.tests;
    expect(test?.message).toMatch(
      /^Expected these lines, in this order:\n {2}"count = 6"\nGot: line 1 was "count = [345]"/,
    );
    expect(test?.message).toMatch(
      /This happened in schedule \d+ of the 200 tried \(strategy pct \(depth 2\), seed \d+\)/,
    );
    const reproduce = result.interleave.tests[0]?.reproduce;
    expect(reproduce).toMatchObject({ strategy: "pct", depth: 2 });
    expect(reproduce!.explored).toBeLessThanOrEqual(20);
    expect(reproduce!.schedule.choices.length).toBeGreaterThan(0);

    // The schedule replays to the same lost update, with the trace on.
    const replayed = await executor.run({
      source: counterProgram(false),
      filename: "main.ts",
      replay: reproduce!.schedule,
    });
    expect(replayed.output.map((l) => l.text)).not.toEqual(["count = 6"]);
    expect(replayed.trace.length).toBeGreaterThan(0);

    // So does running the same strategy, seed, depth and steps again (what the CLI prints).
    const { seed, depth, steps } = reproduce!;
    const again = await executor.run({
      source: counterProgram(false),
      filename: "main.ts",
      strategy: "pct",
      seed,
      depth,
      steps,
    });
    expect(again.schedule.choices).toEqual(reproduce!.schedule.choices);
  });

  it("passes a locked counter under every one of the 200 schedules", async () => {
    const result = await grade(counterProgram(true));
    expect(result.tests[0]).toMatchObject({ status: "pass", message: null });
    expect(result.interleave.tests[0]?.runs).toBe(200);
  });

  it("treats a property's false or string as a failure and anything else as a pass", async () => {
    const byReturn = (value: unknown) =>
      defineExercise({ checks: [check("c", (t) => t.explore({ runs: 3 }, () => value).then(() => {}))] });
    const statusOf = async (value: unknown) =>
      (await gradeWithDefinition(byReturn(value), "x/y", counterProgram(true), { executor })).tests[0];
    expect(await statusOf(false)).toMatchObject({
      status: "fail",
      message: expect.stringMatching(/^The property did not hold/),
    });
    expect(await statusOf("the queue was not drained")).toMatchObject({
      status: "fail",
      message: expect.stringMatching(/^the queue was not drained\n/),
    });
    expect(await statusOf(true)).toMatchObject({ status: "pass" });
    expect(await statusOf(undefined)).toMatchObject({ status: "pass" });
  });

  it("explores in the QuickJS sandbox too, and its counterexample replays there", {
    timeout: 60_000,
  }, async () => {
    using sandbox = await sandboxExecutor();
    // Fewer schedules than above: each QuickJS run costs a fresh context.
    const short = defineExercise({
      checks: [
        check("no update is lost under 20 PCT schedules", async (t) => {
          await t.explore({ strategy: "pct", depth: 2, runs: 20 }, (run) =>
            t.expect(run).toPrint(["count = 6"]),
          );
        }),
      ],
    });
    const options = { executor: sandbox, budgetMs: 60_000 };
    const result = await gradeWithDefinition(
      short,
      "08-race-conditions/lost-update",
      counterProgram(false),
      options,
    );
    expect(result.status).toBe("fail");
    const reproduce = result.interleave.tests[0]!.reproduce!;
    const replayed = await sandbox.run({
      source: counterProgram(false),
      filename: "main.ts",
      replay: reproduce.schedule,
    });
    expect(replayed.schedule.choices).toEqual(reproduce.schedule.choices);
    expect(replayed.output.map((l) => l.text)).not.toEqual(["count = 6"]);
    const locked = await gradeWithDefinition(
      short,
      "08-race-conditions/lost-update",
      counterProgram(true),
      options,
    );
    expect(locked.status).toBe("pass");
  });

  it("stops after one run when the program never had two threads to choose between", async () => {
    const asyncioOnly = `import { asyncio, print } from "interleave";
async function main() { await asyncio.sleep(1); print("count = 6"); }
asyncio.run(main());`;
    const result = await grade(asyncioOnly);
    expect(result.status).toBe("pass");
    expect(result.interleave.executed).toBe(1);
  });

  it("reports the first failing seed when an executor runs several schedules at once, in any order", async () => {
    const fromSeed3 = defineExercise({
      checks: [
        check("fails from seed 3 on", async (t) => {
          await t.explore(
            { strategy: "pct", runs: 20 },
            (run) => run.schedule.seed < 3 || `seed ${run.schedule.seed} failed`,
          );
        }),
      ],
    });
    // Every window of four runs finishes in reverse order; the verdicts must still be read in seed order.
    const inner = directExecutor();
    let waiting: Array<() => void> = [];
    const reversing = {
      concurrency: 4,
      run: (request: Parameters<typeof inner.run>[0]) =>
        new Promise<Awaited<ReturnType<typeof inner.run>>>((resolve, reject) => {
          waiting.push(() => inner.run(request).then(resolve, reject));
          if (waiting.length === 4 || request.replay !== undefined || request.seed === 1) {
            const release = waiting.reverse();
            waiting = [];
            for (const go of release) go();
          }
        }),
    };
    const result = await gradeWithDefinition(
      fromSeed3,
      "08-race-conditions/lost-update",
      counterProgram(true),
      {
        executor: reversing,
      },
    );
    expect(result.status).toBe("fail");
    expect(result.tests[0]?.message).toMatch(/^seed 3 failed\nThis happened in schedule 3 of the 20 tried/);
    expect(result.interleave.tests[0]?.reproduce?.seed).toBe(3);
  });
});
