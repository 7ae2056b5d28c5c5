import { type CheckContext, check, defineExercise } from "@interleave/grader";

const BEATS = [1, 2, 3];

export default defineExercise({
  limits: { maxVirtualSeconds: 20 },
  checks: [
    check("the program ends when the backup is finished, at 3.5 virtual seconds", async (t) => {
      t.expect(
        await t.run(),
        "At the end of the program Python waits for every thread that is still running, and the " +
          "heartbeat never stops. Tell Python not to wait for it, before it starts.",
      )
        .toFinishOk()
        .toEndAtTime(3.5);
    }),
    check("the heartbeat reports every second while the backup runs", async (t: CheckContext) => {
      const run = await t.run();
      if (run.status !== "ok") {
        return t.fail(
          "Expected the program to finish, so its heartbeats can be counted.\n" +
            `Got: it ended with status '${run.status}'. Fix the first check first.`,
        );
      }
      const beats = run.output
        .filter((line) => line.text === "backup still running")
        .map((line) => line.time);
      t.assert(
        BEATS.every((s) => beats.includes(s)),
        `Expected "backup still running" at ${BEATS.join(" s, ")} s.\n` +
          `Got: ${beats.length === 0 ? "no heartbeat at all" : `heartbeats at ${beats.join(" s, ")} s`}.\n` +
          "Keep the heartbeat thread, and start it before the backup begins.",
      );
    }),
    check("the backup's own lines are printed at 0 s and 3.5 s", async (t) => {
      t.expect(await t.run(), "Keep the main thread's backup as it is.")
        .toPrintAt("backup started", 0)
        .toPrintAt("backup finished", 3.5);
    }),
  ],
});
