import { check, defineExercise } from "@interleave/grader";

export default defineExercise({
  checks: [check("prints hello", () => {}), check("prints hello", () => {})],
});
