import { check, defineExercise, hidden } from "@interleave/grader";

export default defineExercise({
  limits: { maxVirtualSeconds: 60 },
  checks: [
    check("the program runs to the end without an error", async (t) => {
      t.expect(await t.run()).toFinishOk();
    }),
    check("both replicas are asked", async (t) => {
      t.expect(await t.run(), "Keep asking both replicas: whichever is faster wins.")
        .toPrintLine("asking replica-1")
        .toPrintLine("asking replica-2");
    }),
    check("the first reply is returned as soon as it arrives, at 0.8 s", async (t) => {
      t.expect(
        await t.run(),
        "replica-2 answers first, at 0.8 s. Both callbacks should try to fill the same future, " +
          "and main should await only that one future.",
      ).toPrintAt("replica-2 says 42", 0.8);
    }),
    check("the late reply does not fail: no error in a callback", async (t) => {
      t.expect(
        await t.run(),
        "A future can be given a result only once: set_result on a done future raises " +
          "InvalidStateError, which the loop reports as 'Exception in callback'. Check " +
          "answer.done() first and ignore the late reply.",
      ).toNotWarn("callback-error");
    }),
    check("main carries on and ends at 1.8 s", async (t) => {
      t.expect(await t.run())
        .toPrintAt("done", 1.8)
        .toEndAtTime(1.8);
    }),
    hidden("no warnings at all", async (t) => {
      t.expect(await t.run()).toHaveNoWarnings();
    }),
  ],
});
