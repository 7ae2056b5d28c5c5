import { check, checkPrediction, defineExercise } from "@interleave/grader";

// What the program prints; the prediction must list these lines in this order.
const ACTUAL = ["c waited until 1.5 s", "a computed by 1.995 s", "b computed by 2 s", "all done at 2 s"];

// A nudge for each line a prediction can get wrong.
const NUDGES: Record<string, string> = {
  "c waited until 1.5 s":
    "A sleeping thread does not need the GIL, so c's wait overlaps the computing: it is done at 1.5 s.",
  "a computed by 1.995 s":
    "a and b want the GIL at the same time, so they swap it every 5 ms: neither finishes at 1 s. " +
    "a started first, so it gets its last slice one switch interval before b.",
  "b computed by 2 s": "Two seconds of computing in one process, one GIL: the last slice ends at 2 s.",
  "all done at 2 s": "The main thread joins all three, so it waits for the last one.",
};

export default defineExercise({
  limits: { maxVirtualSeconds: 10 },
  checks: [
    check("the program itself is unchanged and prints its four lines", async (t) => {
      t.expect(
        await t.run(),
        "Change only the prediction array: the exercise is to foresee what this program prints.",
      ).toPrint(ACTUAL);
    }),
    check("the prediction lists the printed lines in the order they are printed", async (t) => {
      checkPrediction(t, {
        expected: ACTUAL,
        nudges: NUDGES,
        fallback: "Ask of each thread: does it need the GIL, and who else wants it?",
      });
    }),
  ],
});
