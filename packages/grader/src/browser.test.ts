import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** Every module browser.ts loads at run time (type-only imports are erased), by relative path. */
function runtimeImports(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(file, "utf8");
  for (const match of text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+"([^"]+)"/gms)) {
    const spec = match[1]!;
    if (spec.startsWith(".")) runtimeImports(path.resolve(path.dirname(file), `${spec}.ts`), seen);
    else seen.add(spec);
  }
  return seen;
}

describe("@interleave/grader/browser", () => {
  it("loads no Node API and neither the sandbox's Node side nor the content loader", () => {
    const loaded = [...runtimeImports(path.join(import.meta.dirname, "browser.ts"))];
    const external = loaded.filter((m) => !m.startsWith("/"));
    // The scheduler is pure TypeScript, made to run anywhere; nothing else may come along.
    expect(external.filter((m) => m !== "@interleave/scheduler")).toEqual([]);
    expect(loaded.some((m) => m.endsWith("grade-checks.ts"))).toBe(true);
  });
});
