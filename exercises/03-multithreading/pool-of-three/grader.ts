import { type CheckContext, check, defineExercise } from "@interleave/grader";
import type { RunResult } from "@interleave/scheduler";

const PHOTOS = ["p1.jpg", "p2-big.jpg", "p3.jpg", "p4.jpg", "p5-big.jpg", "p6.jpg", "p7.jpg", "p8.jpg"];
const DONE = "all photos downloaded";

/** The most downloads in flight at once, from the "start X" and "done X" lines. */
function mostAtOnce(run: RunResult): number {
  let now = 0;
  let most = 0;
  for (const line of run.output) {
    if (line.text.startsWith("start ")) most = Math.max(most, ++now);
    if (line.text.startsWith("done ")) now--;
  }
  return most;
}

export default defineExercise({
  limits: { maxVirtualSeconds: 60 },
  checks: [
    check("every photo is downloaded before 'all photos downloaded'", async (t: CheckContext) => {
      const run = await t.run();
      t.expect(run).toFinishOk();
      const texts = run.output.map((line) => line.text);
      const end = texts.indexOf(DONE);
      const missing = PHOTOS.filter((p) => {
        const at = texts.indexOf(`done ${p}`);
        return at < 0 || end < 0 || at > end;
      });
      t.assert(
        end >= 0 && missing.length === 0,
        `Expected "done ..." for all eight photos, then "${DONE}".\n` +
          `Got: ${end < 0 ? `no "${DONE}" line` : `${missing.join(", ")} not done before it`}.\n` +
          "Wait for the pool's work to be finished before printing the last line.",
      );
    }),
    check("never more than 3 downloads at once", async (t: CheckContext) => {
      const most = mostAtOnce(await t.run());
      t.assert(
        most <= 3,
        "Expected at most 3 downloads in flight at any moment (the server's limit).\n" +
          `Got: ${most} at once.\n` +
          "One thread per photo opens as many connections as there are photos. A pool of worker threads caps it.",
      );
    }),
    check("no worker waits idle: all done at 4 virtual seconds", async (t) => {
      t.expect(
        await t.run(),
        "With 3 workers, a worker that finishes should start the next photo at once, without waiting " +
          "for the others (no batches) and without the main thread waiting for each result in turn.",
      ).toPrintAt(DONE, 4);
    }),
  ],
});
