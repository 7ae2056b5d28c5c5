import { type CheckContext, check, defineExercise } from "@interleave/grader";

type RunResult = Awaited<ReturnType<CheckContext["run"]>>;

const DISHES = ["soup", "salad", "pasta", "pizza", "cake", "tea"];
const WAITERS = ["ana", "raj"];

/** Why the dishes were not each served exactly once, or null if they were. */
function servingProblem(run: RunResult): string | null {
  for (const dish of DISHES) {
    const served = run.output.filter((l) => new RegExp(`^(ana|raj) serves ${dish}$`).test(l.text)).length;
    if (served !== 1) {
      return `Expected ${dish} to be served exactly once.\nGot: it was served ${served} times.\nKeep the kitchen's six dishes and the waiters' "serves" lines.`;
    }
  }
  return null;
}

export default defineExercise({
  limits: { maxVirtualSeconds: 60 },
  checks: [
    check("the kitchen closes, both waiters stop and the restaurant closes", async (t) => {
      t.expect(
        await t.run(),
        "A waiter blocked in get() on an empty queue waits forever. The kitchen must tell each " +
          "waiter that no more dishes are coming: put one marker per waiter into the queue.",
      )
        .toFinishOk()
        .toPrintLine("restaurant closed");
    }),
    check("every dish is served exactly once", async (t) => {
      const problem = servingProblem(await t.run());
      if (problem !== null) t.fail(problem);
    }),
    check("both waiters serve dishes, at the same time", async (t) => {
      const run = await t.run();
      for (const name of WAITERS) {
        t.expect(run, "Both waiters take dishes from the same queue while the kitchen cooks.").toPrintLine(
          new RegExp(`^${name} serves `),
        );
      }
      t.expect(run, "The last dish is ready at 3 s; the waiters are back 1 s later.").toEndAtTime(4);
    }),
    check("no waiter is left waiting in 50 PCT schedules", async (t) => {
      await t.explore({ strategy: "pct", depth: 2, runs: 50 }, (run) => {
        t.expect(run, "Whatever order the threads run in, each waiter must get its own marker.").toFinishOk();
        return servingProblem(run) ?? true;
      });
    }),
  ],
});
