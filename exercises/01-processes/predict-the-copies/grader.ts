import { check, checkPrediction, defineExercise } from "@interleave/grader";

// What the program prints; the prediction must list these lines in this order.
const ACTUAL = [
  "child basket: apple pear",
  "child list: milk plum",
  "parent basket: apple bread",
  "parent list: milk",
  "the child's list had 2 items",
];

// A nudge for each line a prediction can get wrong.
const NUDGES: Record<string, string> = {
  "child basket: apple pear":
    'Under spawn the child imports the program again: `basket` starts as ["apple"] there, and ' +
    'the parent\'s push of "bread" sits inside the __main__ guard, which the child never runs.',
  "child list: milk plum": "The child received a copy of the parent's list, then pushed onto it.",
  "parent basket: apple bread": "The child's push went into the child's own memory, not the parent's.",
  "parent list: milk":
    "Arguments travel to the child as copies (Python pickles them). Pushing onto the copy leaves the parent's list alone.",
  "the child's list had 2 items": "The queue carried the length of the child's copy back to the parent.",
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
        fallback: "Follow the parent and the child step by step.",
      });
    }),
  ],
});
