import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "sandbox",
    include: ["src/**/*.test.ts"],
    // Writes src/generated/runtime-bundle.js (git-ignored) before any test imports it.
    globalSetup: ["./scripts/vitest-global-setup.ts"],
    testTimeout: 60_000,
  },
});
