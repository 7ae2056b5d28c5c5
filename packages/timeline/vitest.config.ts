import { defineProject } from "vitest/config";

export default defineProject({
  // Timeouts are safety nets for a busy shared machine, not speed asserts.
  test: { name: "timeline", include: ["src/**/*.test.{ts,tsx}"], testTimeout: 60_000, hookTimeout: 60_000 },
});
