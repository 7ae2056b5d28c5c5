import { check, defineExercise } from "@interleave/grader";

export default defineExercise({
  checks: [
    check("prints hello then world", async (t) => {
      t.expect(await t.run()).toPrint(["hello", "world"]);
    }),
    check("world comes one virtual second later", async (t) => {
      t.expect(await t.run()).toPrintAt("world", 1);
    }),
  ],
});
