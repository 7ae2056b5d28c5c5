import { check, defineExercise, hidden } from "@interleave/grader";

const TAKING_TURNS = [
  "A sent chunk 1",
  "B sent chunk 1",
  "A sent chunk 2",
  "B sent chunk 2",
  "A sent chunk 3",
  "B sent chunk 3",
  "both uploads done",
];

export default defineExercise({
  limits: { maxVirtualSeconds: 60 },
  checks: [
    check("the program runs to the end without an error", async (t) => {
      t.expect(await t.run()).toFinishOk();
    }),
    check("the uploaders take turns, one chunk each", async (t) => {
      t.expect(
        await t.run(),
        "A task keeps the loop until it reaches an await that pauses. Without one inside the " +
          "loop, A sends all its chunks before B gets a turn. `await asyncio.sleep(0)` after each " +
          "chunk puts A at the back of the ready queue, behind B.",
      ).toPrint(TAKING_TURNS);
    }),
    check("taking turns costs no time: everything is done at 0 s", async (t) => {
      t.expect(
        await t.run(),
        "asyncio.sleep(0) gives up the turn without waiting; any longer sleep makes the uploads slower.",
      ).toEndAtTime(0);
    }),
    hidden("no coroutine is left un-awaited", async (t) => {
      t.expect(await t.run(), "asyncio.sleep(0) without await does nothing at all.").toNotWarn(
        "never-awaited",
      );
    }),
  ],
});
