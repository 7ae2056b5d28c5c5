import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * The repository's exercises/ folder: found by walking up from `start` (default: the working
 * directory, so it works from the repo root, from apps/web under `next dev`, and from any
 * package) to the npm workspace root that holds an exercises/ folder.
 */
export function defaultCourseRoot(start: string = process.cwd()): string {
  // Runtime paths: the bundler must not trace them (Turbopack would trace the whole project).
  let dir = path.resolve(/* turbopackIgnore: true */ start);
  for (;;) {
    const candidate = path.join(/* turbopackIgnore: true */ dir, "exercises");
    if (existsSync(candidate) && isWorkspaceRoot(dir)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return path.resolve(start, "exercises");
}

function isWorkspaceRoot(dir: string): boolean {
  try {
    const pkg: unknown = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8"));
    return typeof pkg === "object" && pkg !== null && "workspaces" in pkg;
  } catch {
    return false;
  }
}
