import { describe, expect, it } from "vitest";
import { check, defineExercise } from "./check";
import { directExecutor } from "./direct-executor";
import type { Executor } from "./executor";
import { gradeWithDefinition } from "./grade";

const program = `import { asyncio, print } from "interleave";
async function main() { await asyncio.sleep(1); print("done"); }
asyncio.run(main());`;

/** directExecutor, remembering whether each run recorded its trace. */
function recording(traced: boolean[]): Executor {
  const inner = directExecutor();
  return {
    run: (request) => {
      traced.push(request.trace ?? true);
      return inner.run(request);
    },
  };
}

describe("traces", () => {
  it("are not recorded for checks that never read them", async () => {
    const traced: boolean[] = [];
    const definition = defineExercise({
      checks: [check("prints done", async (t) => void t.expect(await t.run()).toPrint(["done"]))],
    });
    const result = await gradeWithDefinition(definition, "x/y", program, { executor: recording(traced) });
    expect(result.status).toBe("pass");
    expect(traced).toEqual([false]);
  });

  it("are recorded for a check that reads one: it runs again, and sees the whole trace", async () => {
    const traced: boolean[] = [];
    const seen: number[] = [];
    const definition = defineExercise({
      checks: [
        check("prints done", async (t) => void t.expect(await t.run()).toPrint(["done"])),
        check("sleeps once", async (t) => {
          const run = await t.run();
          seen.push(run.trace.length);
          if (!run.trace.some((e) => e.kind === "sleep")) t.fail("no sleep in the trace");
        }),
        check("still prints done", async (t) => void t.expect(await t.run()).toPrint(["done"])),
      ],
    });
    const result = await gradeWithDefinition(definition, "x/y", program, { executor: recording(traced) });
    expect(result.tests.map((t) => t.status)).toEqual(["pass", "pass", "pass"]);
    // One run without a trace (shared by the first check and the second's first attempt), one with.
    expect(traced).toEqual([false, true]);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBeGreaterThan(0);
  });

  it("even when the check catches what reading the trace threw", async () => {
    const definition = defineExercise({
      checks: [
        check("counts events", async (t) => {
          const run = await t.run();
          let events = 0;
          try {
            events = run.trace.length;
          } catch {
            events = -1;
          }
          if (events <= 0) t.fail(`saw ${events} events`);
        }),
      ],
    });
    const result = await gradeWithDefinition(definition, "x/y", program, { executor: directExecutor() });
    expect(result.tests[0]).toMatchObject({ status: "pass" });
  });

  it("are recorded for every run when the grading asks", async () => {
    const traced: boolean[] = [];
    const definition = defineExercise({
      checks: [check("prints done", async (t) => void t.expect(await t.run()).toPrint(["done"]))],
    });
    await gradeWithDefinition(definition, "x/y", program, { executor: recording(traced), traces: true });
    expect(traced).toEqual([true]);
  });
});
