import { check, checkPrediction, defineExercise } from "@interleave/grader";

// What the program prints; the prediction must list these lines in this order.
const ACTUAL = [
  "2 threads computing: 2 s",
  "6 threads waiting: 1 s",
  "pool of 2 computing 6 jobs: 3 s",
  "pool of 2 waiting 4 jobs: 2 s",
];

// A nudge for each line a prediction can get wrong.
const NUDGES: Record<string, string> = {
  "2 threads computing: 2 s":
    "Threads of one process share one GIL: they take turns computing, so their seconds add up.",
  "6 threads waiting: 1 s": "A waiting thread does not hold the GIL: all six waits overlap.",
  "pool of 2 computing 6 jobs: 3 s":
    "Two worker processes compute in parallel, two jobs per second, whatever the number of cores.",
  "pool of 2 waiting 4 jobs: 2 s":
    "A pool's worker runs one job at a time, even when the job only waits: two workers, two jobs per second.",
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
        fallback: "Ask of each job: does it compute or wait, and how many of them can run at once?",
      });
    }),
  ],
});
