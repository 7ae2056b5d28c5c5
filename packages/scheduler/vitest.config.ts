import { defineProject } from "vitest/config";

export default defineProject({
  // Timeouts are safety nets for a busy shared machine (property tests, first WASM load), not speed asserts.
  test: {
    name: "scheduler",
    include: ["src/**/*.test.ts", "conformance/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
