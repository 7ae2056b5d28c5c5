import { type CheckContext, check, defineExercise } from "@interleave/grader";

const ARCHIVES = "['<a>+<b>', '<c>+<d>', '<e>+<f>', '<g>+<h>']";

export default defineExercise({
  limits: { maxVirtualSeconds: 60 },
  checks: [
    check("the four archives are built from the eight pages, in order", async (t) => {
      t.expect(await t.run(), "Keep download, compress and pairs as they are, and print the archives.")
        .toFinishOk()
        .toPrintLine(ARCHIVES);
    }),
    check("no more worker processes than the 4 cores", async (t: CheckContext) => {
      const run = await t.run();
      const children = (run.stats.processes ?? 1) - 1;
      t.assert(
        children <= 4,
        "Expected at most 4 child processes: there are only 4 cores to run them.\n" +
          `Got: ${children} child processes.\n` +
          "Extra processes do not compute any faster; for waiting, threads are far cheaper.",
      );
    }),
    check("each tool does the job it is good at: done in 2 virtual seconds", async (t) => {
      t.expect(
        await t.run(),
        "Eight 1-second waits can all overlap (how, without more than 4 processes?); four 1-second " +
          "computations need four cores at once (which tool gets more than one core?).",
      ).toPrintLine("done in 2 s");
    }),
  ],
});
