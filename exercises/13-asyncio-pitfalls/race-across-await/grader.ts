import { check, defineExercise, hidden } from "@interleave/grader";

export default defineExercise({
  limits: { maxVirtualSeconds: 60 },
  checks: [
    check("the program runs to the end without an error", async (t) => {
      t.expect(await t.run()).toFinishOk();
    }),
    check("the account never goes below zero: the final balance is 20", async (t) => {
      const run = await t.run();
      const negative = run.output.find((l) => /^balance: -/.test(l.text));
      if (negative) {
        t.fail(
          `Expected the balance to stay at or above 0.\nGot: ${JSON.stringify(negative.text)}. ` +
            "Both withdrawals checked the balance before either one took money out: the check " +
            "is stale by the time the update runs, because another task ran during the await.",
        );
      }
      t.expect(run).toPrintLine("balance: 20");
    }),
    check("alice gets her 80 and bob is refused", async (t) => {
      t.expect(
        await t.run(),
        "Whoever checks second must see the balance the first one left. Hold one asyncio.Lock, " +
          "shared by every withdrawal, from the check to the update.",
      )
        .toPrintLine("alice withdrew 80")
        .toPrintLine("bob was refused");
    }),
    check("the two withdrawals still run as concurrent tasks", async (t) => {
      t.expect(
        await t.run(),
        "Keep main's asyncio.gather: the bank must serve customers concurrently; make each " +
          "withdrawal safe instead.",
      ).toRunConcurrently(3);
    }),
    hidden("no warnings", async (t) => {
      t.expect(await t.run()).toHaveNoWarnings();
    }),
  ],
});
