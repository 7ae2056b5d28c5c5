/**
 * The production build the browser tests and the bench run against. Building is slow (one to
 * several minutes on two shared cores), so it runs only when .next/BUILD_ID is missing or older
 * than any source file of the app, its workspace packages or the course.
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

/**
 * Runs `next build` when the build is stale. E2E_REUSE_BUILD=1 uses any existing build as it is
 * (for iterating on the tests themselves while other files change).
 */
export function ensureBuild(): void {
  if (process.env.E2E_REUSE_BUILD === "1" && existsSync(join(webRoot, ".next", "BUILD_ID"))) return;
  if (!buildIsStale()) return;
  // Through turbo, so the packages' own build steps (the sandbox's generated runtime bundle)
  // run first, and an unchanged tree is restored from turbo's cache instead of rebuilt.
  const turboBin = createRequire(import.meta.url).resolve("turbo/bin/turbo");
  const result = spawnSync(process.execPath, [turboBin, "run", "build", "--filter=@interleave/web"], {
    cwd: repoRoot,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", TURBO_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error(`building the app failed with exit code ${result.status}`);
}
