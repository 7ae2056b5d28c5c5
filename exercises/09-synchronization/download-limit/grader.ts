import { type CheckContext, check, defineExercise, hidden } from "@interleave/grader";

type RunResult = Awaited<ReturnType<CheckContext["run"]>>;

const FILES = ["a.zip", "b.zip", "c.zip", "d.zip", "e.zip", "f.zip"];

/** The most downloads in progress at once, from the start/done lines (done before start at a tie). */
function mostAtOnce(run: RunResult): { most: number; at: number } {
  let now = 0;
  let most = 0;
  let at = 0;
  const events = run.output
    .map((l) => ({ time: l.time, m: /^(start|done) /.exec(l.text) }))
    .filter((e) => e.m !== null)
    .map((e) => ({ time: e.time, delta: e.m![1] === "start" ? 1 : -1 }))
    .sort((a, b) => a.time - b.time || a.delta - b.delta);
  for (const e of events) {
    now += e.delta;
    if (now > most) {
      most = now;
      at = e.time;
    }
  }
  return { most, at };
}

/** A reason if more than two downloads overlapped, else null. */
function overLimit(run: RunResult): string | null {
  const { most, at } = mostAtOnce(run);
  if (most <= 2) return null;
  return (
    "Expected at most 2 downloads in progress at any moment.\n" +
    `Got: ${most} at ${at} s.\n` +
    "Every download must take one of the same two permits before it starts and give it back when it is done."
  );
}

export default defineExercise({
  limits: { maxVirtualSeconds: 60 },
  checks: [
    check("all six files are downloaded", async (t) => {
      const run = await t.run();
      t.expect(run).toFinishOk().toPrintLine("all downloaded");
      for (const f of FILES)
        t.expect(run, "Keep the six downloads and their lines.").toPrintLine(`done ${f}`);
    }),
    check("never more than two downloads at once", async (t) => {
      const reason = overLimit(await t.run());
      if (reason !== null) t.fail(reason);
    }),
    check("a free slot is used at once: everything is done in 4 virtual seconds", async (t) => {
      t.expect(
        await t.run(),
        "8 seconds of downloads over 2 slots take 4 seconds if a new download starts the moment " +
          "a slot is free. A lock allows only one download; waiting for a whole batch wastes time.",
      ).toEndAtTime(4);
    }),
    hidden("never more than two at once in 30 random schedules", async (t) => {
      await t.explore({ strategy: "random", runs: 30 }, (run) => overLimit(run) ?? true);
    }),
  ],
});
