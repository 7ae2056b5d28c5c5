import { defineProject } from "vitest/config";

export default defineProject({
  // The first grading in a file loads the compiler and the QuickJS module: on a shared, busy
  // machine that can take seconds. The timeout is a safety net, not a speed assertion.
  test: { name: "grader", include: ["src/**/*.test.ts"], testTimeout: 60_000, hookTimeout: 60_000 },
});
