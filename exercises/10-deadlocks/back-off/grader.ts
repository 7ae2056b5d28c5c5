import { check, defineExercise } from "@interleave/grader";

export default defineExercise({
  limits: { maxVirtualSeconds: 30, maxOutputLines: 200 },
  checks: [
    check("the migration and the backup both finish", async (t) => {
      t.expect(
        await t.run(),
        "While the backup holds the files and waits for the database, the migration holds the " +
          "database and waits for the files. One of them has to give way.",
      )
        .toFinishOk()
        .toPrintInOrder(["migration writes files", "migration done"])
        .toPrintLine("backup done");
    }),
    check("the backup waits 2 s for the database, then postpones at 2.5 s", async (t) => {
      t.expect(
        await t.run(),
        "The backup asks for the database at 0.5 s. Wait for it at most 2 seconds (acquire can " +
          "take a timeout) before giving up.",
      ).toPrintAt("backup postponed", 2.5);
    }),
    check("giving up hands the files back, so the migration finishes at 2.5 s", async (t) => {
      t.expect(
        await t.run(),
        "Postponing is only useful if the other thread can go on: release the files before " +
          "the backup waits to try again.",
      ).toPrintAt("migration done", 2.5);
    }),
    check("the backup tries again 1 s later and is done at 4 s", async (t) => {
      t.expect(
        await t.run(),
        "After postponing, sleep 1 s and start the backup again from the beginning (take the " +
          "files, then the database).",
      )
        .toPrintAt("backup done", 4)
        .toEndAtTime(4);
    }),
    check("both finish in 50 PCT schedules", async (t) => {
      await t.explore({ strategy: "pct", depth: 2, runs: 50 }, (run) =>
        t.expect(run, "Some order of events still leaves the two threads stuck.").toFinishOk(),
      );
    }),
  ],
});
