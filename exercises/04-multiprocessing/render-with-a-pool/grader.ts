import { type CheckContext, check, defineExercise } from "@interleave/grader";
import type { RunResult } from "@interleave/scheduler";

const FRAMES = "['frame 1', 'frame 2', 'frame 3', 'frame 4', 'frame 5', 'frame 6', 'frame 7', 'frame 8']";

/** Virtual CPU seconds spent in child processes (not the main process). */
function childCpu(run: RunResult): number {
  return (run.stats.cpu ?? [])
    .filter((c) => c.process !== "MainProcess")
    .reduce((sum, c) => sum + c.seconds, 0);
}

export default defineExercise({
  limits: { maxVirtualSeconds: 60 },
  checks: [
    check("all eight frames are rendered and printed in order", async (t) => {
      t.expect(await t.run(), "Print the list of frames, in frame order, as the starter does.")
        .toFinishOk()
        .toPrintLine(FRAMES);
    }),
    check("the frames are rendered in worker processes", async (t: CheckContext) => {
      const run = await t.run();
      const seconds = childCpu(run);
      t.assert(
        seconds >= 8,
        "Expected the 8 virtual seconds of rendering to run in child processes.\n" +
          `Got: ${seconds} s of it did.\n` +
          "Threads of one process share one GIL, so they compute one at a time. Processes each have their own.",
      );
    }),
    check("all four cores are busy: rendered in 2 virtual seconds, not 8", async (t) => {
      t.expect(
        await t.run(),
        "Eight 1-second frames on 4 cores take 2 s, if four worker processes each take the next frame as soon as they are free.",
      ).toPrintLine("rendered in 2 s");
    }),
  ],
});
