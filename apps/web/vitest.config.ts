import { fileURLToPath } from "node:url";
import { defineProject } from "vitest/config";

// Component and server tests. The browser tests in e2e/ have their own config
// (vitest.e2e.config.ts), run by `npm test` after these.
export default defineProject({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  oxc: { jsx: { runtime: "automatic" } },
  test: {
    name: "web",
    include: ["**/*.test.{ts,tsx}"],
    exclude: ["node_modules/**", ".next/**", "e2e/**"],
    // Safety nets for a busy shared machine, not speed asserts.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
