/**
 * The production build the browser tests and the bench run against. `next build` is slow
 * (about a minute on two cores), so it runs only when .next/BUILD_ID is missing or older than
 * any source file of the app, its workspace packages or the course.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";

export const webRoot = resolve(import.meta.dirname, "..");
const repoRoot = resolve(webRoot, "../..");

const SOURCES = [
  join(webRoot, "app"),
  join(webRoot, "components"),
  join(webRoot, "lib"),
  join(webRoot, "public"),
  join(webRoot, "next.config.ts"),
  join(webRoot, "package.json"),
  join(repoRoot, "packages"),
  join(repoRoot, "exercises"),
];
const SKIP = new Set(["node_modules", ".next", ".turbo", "dist", "generated", "bench"]);

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (SKIP.has(entry) || entry.endsWith(".test.ts") || entry.endsWith(".test.tsx")) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** True when the production build is missing or older than its sources. */
export function buildIsStale(): boolean {
  const buildId = join(webRoot, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return SOURCES.some((source) => newestMtime(source) > built);
}

/** Runs `next build` when the build is stale. */
export function ensureBuild(): void {
  if (!buildIsStale()) return;
  const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
  const result = spawnSync(process.execPath, [nextBin, "build"], {
    cwd: webRoot,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error(`next build failed with exit code ${result.status}`);
}
