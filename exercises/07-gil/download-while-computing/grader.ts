import { type CheckContext, check, defineExercise } from "@interleave/grader";
import type { RunResult } from "@interleave/scheduler";

const JOBS = ["data downloaded", "report built"];

/** Which jobs had not printed their line yet when "ready" was printed. */
function notDoneWhenReady(run: RunResult): string[] {
  const texts = run.output.map((line) => line.text);
  const ready = texts.findIndex((text) => text.startsWith("ready at"));
  if (ready < 0) return JOBS;
  return JOBS.filter((job) => !texts.slice(0, ready).some((text) => text.startsWith(job)));
}

export default defineExercise({
  limits: { maxVirtualSeconds: 30 },
  checks: [
    check("'ready' is printed after both jobs are done", async (t: CheckContext) => {
      const run = await t.run();
      t.expect(run).toFinishOk();
      const missing = notDoneWhenReady(run);
      t.assert(
        missing.length === 0,
        'Expected "ready at ..." after "data downloaded ..." and "report built ...".\n' +
          `Got: "${missing.join('" and "')}" missing before it.\n` +
          "The main thread must join every thread it started before it says the dashboard is ready.",
      );
    }),
    check("the download overlaps the computing: ready at 2 virtual seconds, not 4", async (t) => {
      t.expect(
        await t.run(),
        "A thread that waits for the network does not hold the GIL, so the computing can go on meanwhile. " +
          "Start both jobs before joining either.",
      ).toPrintLine("ready at 2 s");
    }),
    check("each job runs in its own thread", async (t: CheckContext) => {
      const run = await t.run();
      const downloader = run.output.find((line) => line.text.startsWith("data downloaded"))?.thread;
      const builder = run.output.find((line) => line.text.startsWith("report built"))?.thread;
      t.assert(
        downloader !== undefined && builder !== undefined && downloader !== builder,
        "Expected download_data and build_report to run in two different threads.\n" +
          `Got: the download in ${downloader ?? "no thread"}, the report in ${builder ?? "no thread"}.\n` +
          "Use the two functions as they are, as the targets of two threads.",
      );
    }),
  ],
});
