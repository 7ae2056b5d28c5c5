import { type CheckContext, check, defineExercise, hidden } from "@interleave/grader";

type RunResult = Awaited<ReturnType<CheckContext["run"]>>;

const EXPECTED = "count = 100";

/** The most worker threads alive at the same moment, from the run's spawn and exit events. */
function mostThreadsAlive(run: RunResult): number {
  let alive = 0;
  let most = 0;
  for (const e of run.trace) {
    if (e.thread === undefined || e.thread === "MainThread") continue;
    if (e.kind === "spawn") most = Math.max(most, ++alive);
    if (e.kind === "exit") alive--;
  }
  return most;
}

export default defineExercise({
  limits: { maxVirtualSeconds: 10 },
  checks: [
    check("the four threads add 100 visits in the default schedule", async (t) => {
      t.expect(await t.run(), "Keep the four threads and their 25 visits each; the counter must end at 100.")
        .toFinishOk()
        .toPrint([EXPECTED]);
    }),
    check("the four threads are alive at the same time (the work is not serialised)", async (t) => {
      const run = await t.run();
      const most = mostThreadsAlive(run);
      if (most >= 4) return;
      t.fail(
        "Expected all four threads to be started before the main thread waits for any of them.\n" +
          `Got: at most ${most} of them alive at once.\n` +
          "Joining each thread right after starting it hides the race by giving up concurrency. " +
          "Start all four, then join them, and protect the counter itself.",
      );
    }),
    check("no update is lost in 100 PCT schedules", async (t) => {
      await t.explore({ strategy: "pct", depth: 2, runs: 100 }, (run) =>
        t
          .expect(
            run,
            "Another thread ran between a load() and the store() that follows it, and one visit " +
              "was overwritten. The read and the write must happen as one step that no other " +
              "thread can cut into.",
          )
          .toPrint([EXPECTED]),
      );
    }),
    hidden("no update is lost in 50 random schedules", async (t) => {
      await t.explore({ strategy: "random", runs: 50 }, (run) =>
        t
          .expect(run, "Every thread must use the same lock around the whole read-modify-write.")
          .toPrint([EXPECTED]),
      );
    }),
  ],
});
