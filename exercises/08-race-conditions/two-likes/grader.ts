import { check, checkPrediction, defineExercise } from "@interleave/grader";

// What the program prints; the prediction must list these lines in this order.
const ACTUAL = ["alice sees 10", "bob sees 10", "bob saves 11", "alice saves 11", "likes = 11"];

/** A nudge for the first line the prediction gets wrong. */
const NUDGES: Record<string, string> = {
  "alice sees 10": "alice's thread starts first and reads the counter before it sleeps.",
  "bob sees 10": "While alice sleeps, bob's thread runs. Nothing has been saved yet, so what does bob read?",
  "bob saves 11":
    "Both threads sleep at the same moment. Bob's network delay is 1 s and alice's is 2 s: who wakes first?",
  "alice saves 11": "alice writes back the value she read 2 seconds ago, plus one.",
  "likes = 11": "The last store wins. Whose store came last, and what did it write?",
};

export default defineExercise({
  limits: { maxVirtualSeconds: 60 },
  checks: [
    check("the program itself is unchanged and prints its five lines", async (t) => {
      t.expect(
        await t.run(),
        "Change only the prediction array: the exercise is to foresee what this program prints.",
      ).toPrint(ACTUAL);
    }),
    check("the prediction lists the printed lines in the order they are printed", async (t) => {
      checkPrediction(t, {
        expected: ACTUAL,
        nudges: NUDGES,
        fallback: "Follow each thread step by step: where does it pause?",
      });
    }),
  ],
});
