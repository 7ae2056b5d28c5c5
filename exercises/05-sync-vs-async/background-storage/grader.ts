import { check, defineExercise, hidden } from "@interleave/grader";

const SECOND_QUESTION = "height (m) and weight (kg)? 1.75 70";

export default defineExercise({
  limits: { maxVirtualSeconds: 120 },
  checks: [
    check("the program runs to the end without an error", async (t) => {
      t.expect(await t.run()).toFinishOk();
    }),
    check("the age and the BMI are still computed correctly", async (t) => {
      const run = await t.run();
      t.expect(run, "Keep age_from and the BMI formula as they are: only when things run should change.")
        .toPrintLine("age: 35")
        .toPrintLine("BMI: 22.9");
    }),
    check("the second question is answered at 2 s, without waiting for the first save", async (t) => {
      t.expect(
        await t.run(),
        "The user should not wait for the storage. Start the save with asyncio.create_task(...) " +
          "instead of awaiting it, and go on to the next question.",
      ).toPrintAt(SECOND_QUESTION, 2);
    }),
    check("both records are saved before the program ends", async (t) => {
      t.expect(
        await t.run(),
        "A save started in the background must still finish. Keep each task in a variable and " +
          "await it before main returns: when main returns, asyncio.run cancels the tasks still running.",
      )
        .toPrintLine("saved age=35")
        .toPrintLine("saved bmi=22.9");
    }),
    check("the whole session takes 12 virtual seconds, not 22", async (t) => {
      t.expect(
        await t.run(),
        "The two 10-second saves should overlap with the questions and with each other: " +
          "1 s + 1 s of typing, then the last save ends 10 s after it started.",
      ).toEndAtTime(12);
    }),
    hidden("no blocking call and no coroutine left un-awaited", async (t) => {
      t.expect(
        await t.run(),
        "time.sleep() in a coroutine freezes every task, and save(...) without await or " +
          "create_task never runs at all.",
      ).toHaveNoWarnings();
    }),
  ],
});
