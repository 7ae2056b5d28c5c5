import { check, checkPrediction, defineExercise } from "@interleave/grader";

// What the program prints; the prediction must list these lines in this order.
const ACTUAL = [
  "at 1 s: b done",
  "at 2 s: c done",
  "at 3 s: a done",
  "at 4 s: d done",
  "map returned a, b, c, d at 4 s",
];

// A nudge for each line a prediction can get wrong.
const NUDGES: Record<string, string> = {
  "at 1 s: b done": "At 0 s the two workers take the first two jobs, a (3 s) and b (1 s).",
  "at 2 s: c done":
    "c has to wait for a free worker. The first one free is b's, at 1 s; c then takes 1 s more.",
  "at 3 s: a done": "a started at 0 s and takes 3 s.",
  "at 4 s: d done": "d waits for a free worker: c's worker is free at 2 s, and d takes 2 s.",
  "map returned a, b, c, d at 4 s":
    "map waits for every job, and gives the results in the order of its inputs, not the order they finished.",
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
        fallback: "Follow the two workers on the virtual clock.",
      });
    }),
  ],
});
