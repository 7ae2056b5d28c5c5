import { check, checkPrediction, defineExercise } from "@interleave/grader";

// What the program prints; the prediction must list these lines in this order.
const ACTUAL = [
  "main sees 2 entries",
  "b sees 3 entries",
  "a sees 4 entries",
  "after joining a, the last entry is 'a out'",
  "after joining b, main sees 4 entries",
];

// A nudge for each line a prediction can get wrong.
const NUDGES: Record<string, string> = {
  "main sees 2 entries":
    "By 0.5 s both threads have started and pushed their 'in' entry into the one list they share with main.",
  "b sees 3 entries": "b sleeps only 1 s, so it comes back first, although it was started second.",
  "a sees 4 entries": "a wakes at 2 s; by then the list holds both 'in' entries and b's 'out'.",
  "after joining a, the last entry is 'a out'":
    "join() returns once a has finished, right after its last push.",
  "after joining b, main sees 4 entries":
    "b had already finished, so join() returns at once; main sees every entry both threads pushed.",
};

export default defineExercise({
  limits: { maxVirtualSeconds: 10 },
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
        fallback: "Follow the threads on the virtual clock: who wakes when?",
      });
    }),
  ],
});
