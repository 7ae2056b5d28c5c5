import { check, checkPrediction, defineExercise } from "@interleave/grader";

// What the program prints; the prediction must list these lines in this order.
const ACTUAL = [
  "main: created A, B and C",
  "A runs",
  "B runs",
  "A done",
  "main: A finished",
  "B done",
  "main: B finished",
];

// A nudge for each line, shown when the prediction goes wrong at that line.
const NUDGES: Record<string, string> = {
  "main: created A, B and C":
    "Calling an async function only creates a coroutine object, and create_task only schedules " +
    "a task: none of A, B or C has run a single line when main prints.",
  "A runs": "`await a` runs coroutine A right there, inside main, up to its first pause.",
  "B runs": "When A pauses at its sleep, main pauses with it; the loop then runs the next ready task, B.",
  "A done": "A's sleep was started before B's, so A wakes up first.",
  "main: A finished": "When A returns, main continues at once from `await a`.",
  "B done": "main now waits for B, which wakes up from its own sleep.",
  "main: B finished":
    "C never prints anything: its coroutine object was never awaited nor wrapped in a task.",
};

export default defineExercise({
  limits: { maxVirtualSeconds: 60 },
  checks: [
    check("the program itself is unchanged", async (t) => {
      t.expect(
        await t.run(),
        "Change only the prediction array: the exercise is to foresee what this program prints.",
      ).toPrint(ACTUAL);
    }),
    check("the prediction lists the printed lines in the order they are printed", async (t) => {
      checkPrediction(t, {
        expected: ACTUAL,
        nudges: NUDGES,
        fallback: NUDGES["main: B finished"]!,
        // Too many lines, or a line about C: the coroutine C was made but never awaited.
        nudge: (wrongAt, got) =>
          wrongAt < 0 || got?.startsWith("C ") ? NUDGES["main: B finished"] : undefined,
      });
    }),
  ],
});
