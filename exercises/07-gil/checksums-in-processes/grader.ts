import { type CheckContext, check, defineExercise } from "@interleave/grader";

const LINES = ["photos.zip: ", "music.tar: ", "notes.db: ", "video.mkv: "];

export default defineExercise({
  limits: { maxVirtualSeconds: 60 },
  checks: [
    check("the four checksums are printed in file order", async (t: CheckContext) => {
      const run = await t.run();
      t.expect(run).toFinishOk();
      const printed = run.output
        .map((line) => line.text)
        .filter((text) => LINES.some((l) => text.startsWith(l)));
      t.assert(
        printed.length === 4 && LINES.every((l, i) => printed[i]!.startsWith(l)),
        "Expected one checksum line per file, in the order of FILES.\n" +
          `Got: ${printed.length === 0 ? "none" : printed.join(" | ")}.\n` +
          "Keep checksum as it is and print its results in the order of the files.",
      );
    }),
    check("reading and hashing all overlap: done in 2 virtual seconds, not 5", async (t) => {
      t.expect(
        await t.run(),
        "Threads overlap the reads but take turns on one GIL for the hashing (1 + 4 s). " +
          "Hashing in parallel needs a GIL per worker: several processes.",
      ).toPrintLine("checked 4 files in 2 s");
    }),
  ],
});
