import { check, defineExercise } from "@interleave/grader";

export default defineExercise({
  checks: [
    check("prints hello", async (t) => {
      t.expect(await t.run()).toPrintLine("hello");
    }),
  ],
});
