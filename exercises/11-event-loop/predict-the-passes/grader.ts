import { check, checkPrediction, defineExercise } from "@interleave/grader";

// What the program prints; the prediction must list these lines in this order.
const ACTUAL = [
  "main",
  "A step 1",
  "callback",
  "B step 1",
  "main again",
  "A step 2",
  "B step 2",
  "timer",
  "end",
];

// A nudge for each line, shown when the prediction goes wrong at that line.
const NUDGES: Record<string, string> = {
  main: "create_task and call_soon only put things in the ready queue; main keeps running until its first await.",
  "A step 1":
    "When main pauses at sleep(0), the loop runs the ready queue in the order things were added: " +
    "task A's first step was added first.",
  callback: "The call_soon callback was added to the ready queue after task A and before task B.",
  "B step 1": "Task B's first step was queued after the callback.",
  "main again":
    "sleep(0) put main back at the end of the ready queue, behind A, the callback and B — but " +
    "ahead of A's and B's second steps, which were queued during this pass.",
  "A step 2": "A and B each gave up their turn with sleep(0) and come back in the same order.",
  "B step 2": "B's second step follows A's.",
  timer: "A timer runs only when its time has come: nothing ran at 0.1 s before it.",
  end: "main's last sleep(0.2) ends at 0.2 s, after the timer.",
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
      checkPrediction(t, { expected: ACTUAL, nudges: NUDGES, fallback: "Follow the loop pass by pass." });
    }),
  ],
});
