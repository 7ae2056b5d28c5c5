import { defineProject } from "vitest/config";

// Every exercise's grader.ts is a test file: defineExercise registers one test per check for
// the reference solution, "starter fails" and one "wrong/NAME fails" per wrong answer
// (see packages/grader/src/vitest.ts). SUBMISSION=FILE grades that file instead.
export default defineProject({
  test: {
    name: "exercises",
    include: ["**/grader.ts", "editor.test.ts"],
    exclude: ["**/node_modules/**", "**/_*/**"],
    setupFiles: ["./vitest.setup.ts"],
    // Graders are independent (each registers its own tests): one module graph and one warm
    // sandbox per worker instead of one per file.
    isolate: false,
    // Safety nets for a busy machine (exploring gradings run hundreds of schedules), not speed asserts.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
