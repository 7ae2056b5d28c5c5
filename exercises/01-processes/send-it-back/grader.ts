import { type CheckContext, check, defineExercise } from "@interleave/grader";
import type { RunResult } from "@interleave/scheduler";

/** The names of the child processes that did CPU work (`work()`), from the trace. */
function childrenThatWorked(run: RunResult): Set<string> {
  const names = new Set<string>();
  for (const e of run.trace) {
    if (e.kind === "cpu" && e.process !== undefined && e.process !== "MainProcess") names.add(e.process);
  }
  return names;
}

export default defineExercise({
  limits: { maxVirtualSeconds: 30 },
  checks: [
    check("the parent prints the right total, total = 5050", async (t: CheckContext) => {
      t.expect(
        await t.run(),
        "A child changes only its own copy of a variable. Send each child's sum back to the " +
          "parent through something both processes share, and add the sums up in the parent.",
      )
        .toFinishOk()
        .toPrintLine("total = 5050");
    }),
    check("both halves are added up in child processes", async (t: CheckContext) => {
      const run = await t.run();
      const children = childrenThatWorked(run);
      t.assert(
        children.size >= 2,
        "Expected the 1 virtual second of work for each half to run in its own child process.\n" +
          `Got: ${children.size === 0 ? "no child process did any work" : `only ${[...children].join(", ")} did`}.\n` +
          "Keep the two Processes and their add_up target: the exercise is to bring their results back.",
      );
    }),
    check(
      "the two children work at the same time: done in 1 virtual second, not 2",
      async (t: CheckContext) => {
        t.expect(
          await t.run(),
          "Start both children before waiting for any result: each one needs 1 s, and they run on separate cores.",
        ).toEndAtTime(1);
      },
    ),
  ],
});
