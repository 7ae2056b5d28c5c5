import { check, defineExercise } from "@interleave/grader";

const RUNNERS = ["ada", "bo", "cy"];

export default defineExercise({
  limits: { maxVirtualSeconds: 60 },
  checks: [
    check("the race runs to the end", async (t) => {
      t.expect(
        await t.run(),
        "Every runner must wait for the same signal, and the main thread must give it.",
      ).toFinishOk();
    }),
    check("no runner starts before go!", async (t) => {
      const run = await t.run();
      for (const name of RUNNERS) {
        t.expect(run, "The signal is given right after go!, not earlier.").toPrintInOrder([
          "ready",
          "go!",
          `${name} starts`,
        ]);
      }
    }),
    check("all three runners start the moment the gun fires, at 2 s", async (t) => {
      const run = await t.run();
      for (const name of RUNNERS) {
        t.expect(
          run,
          "A runner that looks at a flag every 0.3 s notices it up to 0.3 s late. Wait on " +
            "something that wakes you the moment it is set.",
        ).toPrintAt(`${name} starts`, 2);
      }
    }),
    check("the runners wait without polling (no sleep loops)", async (t) => {
      const run = await t.run();
      const polls = run.trace.filter((e) => e.kind === "sleep" && RUNNERS.includes(e.thread ?? "")).length;
      if (polls === 0) return;
      t.fail(
        "Expected each runner to block once, until the signal wakes it.\n" +
          `Got: the runners slept ${polls} times between looks at the flag.\n` +
          "Looking more often only hides the delay and keeps the threads busy. " +
          "A threading.Event lets a thread sleep until another thread calls set().",
      );
    }),
  ],
});
