import { check, checkPrediction, defineExercise } from "@interleave/grader";

// What the program prints; the prediction must list these lines in this order.
const ACTUAL = ["form opened", "next question", "saving age", "answer received", "saved age", "form closed"];

export default defineExercise({
  limits: { maxVirtualSeconds: 60 },
  checks: [
    check("the program itself is unchanged and prints its six lines", async (t) => {
      t.expect(
        await t.run(),
        "Change only the prediction array: the exercise is to foresee what this program prints.",
      ).toPrint(ACTUAL);
    }),
    check("the prediction lists the printed lines in the order they are printed", async (t) => {
      checkPrediction(t, {
        expected: ACTUAL,
        nudges: {
          "saving age":
            "create_task does not run save() on the spot: the new task waits its turn until main " +
            "reaches an await.",
          "next question": "main does not wait for the task it created: it carries on at once.",
          "answer received": "After 1 s main wakes up; the save still has 9 seconds to go.",
          "saved age": "The save finishes 10 s after it started.",
          "form closed": "`await saving` makes main wait for the save before it prints its last line.",
        },
        fallback: "Follow main step by step: what runs until the first await?",
      });
    }),
  ],
});
