import { fileURLToPath } from "node:url";
import { defineProject } from "vitest/config";

export default defineProject({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  oxc: { jsx: { runtime: "automatic" } },
  test: { name: "web", include: ["**/*.test.{ts,tsx}"], exclude: ["node_modules/**", ".next/**"] },
});
