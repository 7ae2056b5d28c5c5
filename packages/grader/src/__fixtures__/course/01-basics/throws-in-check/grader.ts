import { check, defineExercise } from "@interleave/grader";

export default defineExercise({
  checks: [
    check("prints hello", async (t) => {
      t.expect(await t.run()).toPrintLine("hello");
    }),
    check("reads a field of nothing", async (t) => {
      const run = await t.run();
      const missing = run.deadlock as unknown as { waiting: unknown[] };
      t.assert(missing.waiting.length === 0, "unreachable");
    }),
  ],
});
