import { check, defineExercise, hidden } from "@interleave/grader";

const BALANCES = "anna=110 ben=90 cleo=110 dev=90";
const NO_CYCLE =
  "Two transfers between the same accounts in opposite directions each hold one account's lock " +
  "and wait for the other's. Make every transfer take its two locks in one global order.";

export default defineExercise({
  limits: { maxVirtualSeconds: 60 },
  checks: [
    check("all four transfers complete (default schedule)", async (t) => {
      t.expect(await t.run(), NO_CYCLE).toFinishOk();
    }),
    check("every account ends with the right balance", async (t) => {
      t.expect(
        await t.run(),
        "A transfer must hold the locks of both of its accounts while it reads and writes them.",
      ).toPrintLine(BALANCES);
    }),
    check("transfers between different accounts overlap: all done in 2.2 virtual seconds", async (t) => {
      t.expect(
        await t.run(),
        "anna/ben and cleo/dev share no account, so their transfers can run at the same time. " +
          "One lock for the whole bank avoids the deadlock by making every transfer wait for every other.",
      ).toEndWithin(2.2);
    }),
    check("no deadlock and correct balances in 60 PCT schedules", async (t) => {
      await t.explore({ strategy: "pct", depth: 2, runs: 60 }, (run) =>
        t.expect(run, NO_CYCLE).toFinishOk().toPrintLine(BALANCES),
      );
    }),
    hidden("no deadlock and correct balances in 30 random schedules", async (t) => {
      await t.explore({ strategy: "random", runs: 30 }, (run) =>
        t.expect(run, NO_CYCLE).toFinishOk().toPrintLine(BALANCES),
      );
    }),
  ],
});
