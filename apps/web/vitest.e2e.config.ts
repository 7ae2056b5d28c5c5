import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Browser tests: build the app once if stale (globalSetup), then each file starts its own
// production server on a free loopback port and drives Debian's chromium through it.
export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    name: "web-e2e",
    include: ["e2e/**/*.test.ts"],
    globalSetup: ["e2e/global-setup.ts"],
    // One browser at a time: the machine has two cores shared with other work.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
