import { check, defineExercise } from "@interleave/grader";

const COUNTDOWN: [string, number][] = [
  ["3", 1],
  ["2", 2],
  ["1", 3],
  ["liftoff!", 4],
];

export default defineExercise({
  limits: { maxVirtualSeconds: 60 },
  checks: [
    check("the program finishes: the last callback sets done's result", async (t) => {
      t.expect(
        await t.run(),
        "main waits on the future `done` until someone calls done.set_result(...). Do it in the " +
          "liftoff callback; otherwise main waits for ever (the runtime reports a deadlock).",
      ).toFinishOk();
    }),
    check("schedule_countdown returns at once: 'countdown scheduled' at 0 s", async (t) => {
      t.expect(await t.run(), "schedule_countdown only schedules: it must return immediately.").toPrintAt(
        "countdown scheduled",
        0,
      );
    }),
    check("the countdown lines come at 1, 2, 3 and 4 s", async (t) => {
      const run = await t.run();
      for (const [text, time] of COUNTDOWN) {
        t.expect(
          run,
          "call_later(delay, fn) counts the delay from the moment you call it, so all four are " +
            "scheduled from 0 s: give each its own delay.",
        ).toPrintAt(text, time);
      }
    }),
    check("the lines are printed by callbacks of the loop, not by a task", async (t) => {
      const run = await t.run();
      for (const [text] of COUNTDOWN) {
        const line = run.output.find((l) => l.text === text);
        if (line && line.task !== null) {
          t.fail(
            `Expected ${JSON.stringify(text)} to be printed by a callback scheduled with call_later.\n` +
              `Got: it was printed by ${line.task}. Schedule plain functions with loop.call_later ` +
              "instead of running a coroutine.",
          );
        }
      }
    }),
    check("main resumes when done is set, at 4 s", async (t) => {
      t.expect(await t.run())
        .toPrintAt("we have liftoff", 4)
        .toEndAtTime(4);
    }),
  ],
});
