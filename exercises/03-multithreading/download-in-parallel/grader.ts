import { type CheckContext, check, defineExercise } from "@interleave/grader";

const REPORTS = ["january.csv", "february.csv", "march.csv", "april.csv", "may.csv"];
const DONE = "all reports downloaded";

export default defineExercise({
  limits: { maxVirtualSeconds: 60 },
  checks: [
    check("every report is saved before 'all reports downloaded'", async (t: CheckContext) => {
      const run = await t.run();
      t.expect(run).toFinishOk();
      const texts = run.output.map((line) => line.text);
      const done = texts.indexOf(DONE);
      const missing = REPORTS.filter((r) => {
        const at = texts.indexOf(`saved ${r}`);
        return at < 0 || done < 0 || at > done;
      });
      t.assert(
        done >= 0 && missing.length === 0,
        `Expected "saved ..." for all five reports, then "${DONE}".\n` +
          `Got: ${done < 0 ? `no "${DONE}" line` : `${missing.join(", ")} not saved before it`}.\n` +
          "The main thread must wait until every download thread has finished before it reports the end.",
      );
    }),
    check("the downloads overlap: all done at 3 virtual seconds, not 10", async (t) => {
      t.expect(
        await t.run(),
        "Waits in a row add up (2 + 3 + 1 + 2 + 2 = 10 s). Start every thread before joining any, " +
          "and the batch takes as long as its slowest download.",
      ).toPrintAt(DONE, 3);
    }),
    check("each report is downloaded by its own thread", async (t: CheckContext) => {
      const run = await t.run();
      const savers = new Set(
        run.output
          .filter((line) => line.text.startsWith("saved "))
          .map((line) => line.thread ?? "MainThread"),
      );
      t.assert(
        savers.size === REPORTS.length && !savers.has("MainThread"),
        'Expected five different threads to print the five "saved" lines.\n' +
          `Got: they were printed by ${[...savers].join(", ")}.\n` +
          "Create one threading.Thread per report, with download as its target.",
      );
    }),
  ],
});
