import { type CheckContext, check, defineExercise } from "@interleave/grader";

const ANSWER = "3 shops answered; cheapest: shop-b at 7";

export default defineExercise({
  limits: { maxVirtualSeconds: 30 },
  checks: [
    check("the cheapest price is chosen after all three shops have answered", async (t) => {
      t.expect(
        await t.run(),
        "The main thread read the prices before every thread had stored its answer. " +
          "Which call makes the main thread wait until a thread has finished?",
      )
        .toFinishOk()
        .toPrint([ANSWER]);
    }),
    check("the three shops are asked at the same time: the answer comes at 3 s, not 6", async (t) => {
      t.expect(
        await t.run(),
        "Start all three threads first, then wait for them: the slowest shop takes 3 s, so that is all it should take.",
      ).toPrintAt(ANSWER, 3);
    }),
    check("the main thread waits with join(), not with a guessed sleep", async (t: CheckContext) => {
      const run = await t.run();
      const sleeps = run.trace.filter((e) => e.kind === "sleep" && e.thread === "MainThread");
      t.assert(
        sleeps.length === 0,
        "Expected the main thread to wait for the threads themselves.\n" +
          `Got: it slept (${sleeps.map((e) => e.detail).join(", ")}).\n` +
          "A sleep only guesses how long the shops take; on a slow day the guess is wrong. join() waits exactly as long as needed.",
      );
    }),
  ],
});
