import { type CheckContext, check, defineExercise } from "@interleave/grader";
import type { RunResult } from "@interleave/scheduler";

const PHOTOS = ["cat.png", "dog.png", "fox.png"];
const ONCE = ["Photo resizer 1.0", "settings loaded"];

/** How many times `text` was printed, and by whom. */
function printedBy(run: RunResult, text: string): string[] {
  return run.output.filter((line) => line.text === text).map((line) => line.thread ?? "the parent");
}

export default defineExercise({
  limits: { maxVirtualSeconds: 30 },
  checks: [
    check("the banner and the settings line are printed once, by the parent", async (t: CheckContext) => {
      const run = await t.run();
      t.expect(run).toFinishOk();
      for (const text of ONCE) {
        const who = printedBy(run, text);
        t.assert(
          who.length === 1 && who[0] === "the parent",
          `Expected "${text}" to be printed exactly once, by the parent.\n` +
            `Got: ${who.length === 0 ? "it was not printed at all" : `printed ${who.length} time(s), by ${who.join(", ")}`}.\n` +
            "Under spawn each child imports the program again: every line outside " +
            '`if (__name__ === "__main__")` runs again in every child. Keep the line, and move it.',
        );
      }
    }),
    check("every photo is resized in a child process", async (t: CheckContext) => {
      const run = await t.run();
      for (const photo of PHOTOS) {
        const who = printedBy(run, `${photo} resized`);
        t.assert(
          who.length === 1 && who[0]!.startsWith("Process-"),
          `Expected "${photo} resized" to be printed once, by a child process.\n` +
            `Got: ${who.length === 0 ? "it was never printed" : `printed by ${who.join(", ")}`}.\n` +
            (who.length === 0
              ? "Look at the warnings: a child looks its target up by name in its own import of the " +
                "program, so resize must be defined at the top level, outside the guard."
              : "Keep the three Processes: the resizing belongs in the children."),
        );
      }
    }),
    check("the parent reports the end after all the photos", async (t: CheckContext) => {
      const run = await t.run();
      const texts = run.output.map((line) => line.text);
      const end = texts.indexOf("all photos resized");
      const late = PHOTOS.filter((p) => texts.indexOf(`${p} resized`) > end);
      t.assert(
        end >= 0 && late.length === 0,
        'Expected "all photos resized" after the three "... resized" lines.\n' +
          `Got: ${end < 0 ? "it was not printed" : `${late.join(", ")} resized after it`}.\n` +
          "Print it only after joining every child.",
      );
    }),
    check("the three children resize at the same time: done in 1 virtual second", async (t: CheckContext) => {
      t.expect(
        await t.run(),
        "Each photo takes 1 s of CPU work; in three child processes on separate cores, they all finish at 1 s.",
      ).toEndAtTime(1);
    }),
  ],
});
