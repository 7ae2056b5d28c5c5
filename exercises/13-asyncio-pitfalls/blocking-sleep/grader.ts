import { check, defineExercise, hidden } from "@interleave/grader";

const HOSTS = ["db", "cache", "api"];

export default defineExercise({
  limits: { maxVirtualSeconds: 60 },
  checks: [
    check("the program runs to the end without an error", async (t) => {
      t.expect(await t.run()).toFinishOk();
    }),
    check("no call blocks the event loop", async (t) => {
      t.expect(
        await t.run(),
        "time.sleep() holds the event loop's only thread: no other task can run until it returns. " +
          "In a coroutine, wait with `await asyncio.sleep(...)`, which pauses only this task.",
      ).toNotWarn("blocking-call");
    }),
    check("the spinner keeps turning while the pings wait (0.3 s, 0.6 s, 0.9 s)", async (t) => {
      t.expect(
        await t.run(),
        "The spinner can only print when the loop gets a chance to run it, that is while every " +
          "other task is paused at an await.",
      )
        .toPrintAt("waiting... 1", 0.3)
        .toPrintAt("waiting... 2", 0.6)
        .toPrintAt("waiting... 3", 0.9);
    }),
    check("each reply still takes 1 s, and the three pings wait at the same time", async (t) => {
      const run = await t.run();
      for (const host of HOSTS) {
        t.expect(
          run,
          "The reply must still take a second: `asyncio.sleep(1)` without `await` only creates a " +
            "coroutine object, and nothing waits at all.",
        ).toPrintAt(`${host} is up`, 1);
      }
      t.expect(run, "Keep main as it is: gather runs the three pings at once.").toPrintAt(
        "all hosts checked",
        1,
      );
    }),
    hidden("no coroutine is left un-awaited", async (t) => {
      t.expect(await t.run(), "Every asyncio.sleep(...) must be awaited.").toNotWarn("never-awaited");
    }),
  ],
});
