/**
 * Finding an exercise's folder and loading its grader.ts. The grader is TypeScript imported at
 * run time, so the process must load .ts modules: vitest, tsx (the CLI's bin) and Next's bundler
 * all do. Every way a grader can be broken becomes a GraderSetupError naming grader.ts.
 */
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { type ExerciseDefinition, validateDefinition } from "./check";
import { GraderSetupError } from "./errors";
import { describeThrown, graderLocation } from "./thrown";

/** An exercise's folder and its id. */
export interface ExerciseLocation {
  /** "<module>/<exercise>" (for a folder outside the course: its last two path segments). */
  id: string;
  dir: string;
}

/**
 * Turns an exercise id or folder path into its location. A folder holding a grader.ts is used as
 * it is, even outside the course (fixtures, drafts); anything else must be an id of the course.
 * @throws UnknownExerciseError (from @interleave/content)
 */
export async function locateExercise(idOrFolder: string, root?: string): Promise<ExerciseLocation> {
  const asPath = path.resolve(idOrFolder);
  if (isDirectory(asPath) && existsSync(path.join(asPath, "grader.ts"))) {
    return {
      id: path
        .relative(path.dirname(path.dirname(asPath)), asPath)
        .split(path.sep)
        .join("/"),
      dir: asPath,
    };
  }
  // Loaded on demand: @interleave/content brings the markdown renderer, slow to import.
  const { defaultCourseRoot, resolveExerciseId } = await import("@interleave/content");
  const courseRoot = root ?? defaultCourseRoot();
  const id = await resolveExerciseId(idOrFolder, courseRoot);
  return { id, dir: path.join(courseRoot, ...id.split("/")) };
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Imports `<dir>/grader.ts` and checks its default export. @throws GraderSetupError */
export async function loadGrader(dir: string): Promise<ExerciseDefinition> {
  const file = path.join(dir, "grader.ts");
  if (!existsSync(file)) {
    throw new GraderSetupError(
      file,
      "missing grader.ts: every exercise needs one (export default defineExercise(...))",
    );
  }
  let module: { default?: unknown };
  try {
    module = (await import(pathToFileURL(file).href)) as { default?: unknown };
  } catch (error) {
    const at = graderLocation(error, file);
    throw new GraderSetupError(
      file,
      `grader.ts failed to load: ${describeThrown(error)}${at ? ` (at ${at})` : ""}`,
      {
        cause: error,
      },
    );
  }
  return validateDefinition(file, module.default);
}
