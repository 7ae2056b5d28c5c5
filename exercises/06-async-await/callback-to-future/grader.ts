import { check, defineExercise, hidden } from "@interleave/grader";

const NAMES = ["ada", "grace", "linus"];
const ANSWERS = ["ada is in room 12", "grace is in room 7", "linus is in room 30"];

export default defineExercise({
  limits: { maxVirtualSeconds: 60 },
  checks: [
    check("the program runs to the end without an error or a hang", async (t) => {
      t.expect(
        await t.run(),
        "If main waits forever on a future, nothing ever called set_result on it: the callback " +
          "given to legacy_lookup must fill the future in.",
      ).toFinishOk();
    }),
    check("every lookup goes through legacy_lookup", async (t) => {
      const run = await t.run();
      for (const name of NAMES) {
        t.expect(run, "Keep calling legacy_lookup: the directory is only reachable through it.").toPrintLine(
          `asking the directory about ${name}`,
        );
      }
    }),
    check("lookup returns the directory's answer, so main prints the three answers in order", async (t) => {
      t.expect(
        await t.run(),
        "`await lookup(name)` must give the answer string. Return `await future`, not the future " +
          "itself: a pending future prints as <Future pending>.",
      ).toPrintInOrder(ANSWERS);
    }),
    check("the three lookups wait at the same time: done in 3 virtual seconds, not 6", async (t) => {
      t.expect(
        await t.run(),
        "The slowest answer takes 3 s. Start all three lookups before waiting for any of them " +
          "(asyncio.gather does that).",
      ).toEndAtTime(3);
    }),
    hidden("no blocking call and no coroutine left un-awaited", async (t) => {
      t.expect(await t.run()).toHaveNoWarnings();
    }),
  ],
});
