import { defineConfig } from "vitest/config";

// Every workspace is a vitest project, so `npx vitest run packages/scheduler` (or any folder)
// runs that folder's tests from the root, while `npm test` runs each package's own
// `vitest run` through turbo and caches the result.
export default defineConfig({
  test: {
    projects: ["packages/*", "apps/*", "exercises"],
  },
});
