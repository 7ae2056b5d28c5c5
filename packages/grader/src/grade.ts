/**
 * Grading on a server or in a terminal: find the exercise, load its grader.ts, and grade with the
 * sandbox unless told otherwise. The grading itself is in grade-checks.ts.
 */
import type { ExerciseDefinition } from "./check";
import { defaultExecutor } from "./default-executor";
import { GraderSetupError } from "./errors";
import type { Executor } from "./executor";
import { type GradeChecksOptions, gradeChecks } from "./grade-checks";
import { loadGrader, locateExercise } from "./load-grader";
import type { GradingResult } from "./results";

/** Options of a grading. */
export interface GradeOptions extends Omit<GradeChecksOptions, "executor"> {
  /** What runs the program (default: the process's shared sandbox). */
  executor?: Executor;
  /** The course folder (default: the repository's exercises/). */
  root?: string;
}

/**
 * Grades `source` against an exercise (an id such as "12-asyncio/three-clients", or a folder).
 * Never throws because the submission or its grader is broken: that is status "fail" or "error".
 * @throws UnknownExerciseError when `exercise` names no exercise
 */
export async function gradeSubmission(
  exercise: string,
  source: string,
  options: GradeOptions = {},
): Promise<GradingResult> {
  const location = await locateExercise(exercise, options.root);
  let definition: ExerciseDefinition;
  try {
    definition = await loadGrader(location.dir);
  } catch (error) {
    if (!(error instanceof GraderSetupError)) throw error;
    return setupError(location.id, error.message, options.includeHidden ?? false);
  }
  return gradeWithDefinition(definition, location.id, source, options);
}

function setupError(id: string, message: string, hiddenIncluded: boolean): GradingResult {
  return {
    version: 3,
    status: "error",
    message,
    tests: [],
    interleave: {
      exercise: id,
      durationMs: 0,
      runs: 0,
      executed: 0,
      cpuMs: 0,
      hiddenIncluded,
      hiddenSkipped: 0,
      errorSource: "grader",
      tests: [],
    },
  };
}

/** Grades `source` with an already loaded definition (what gradeSubmission does after loading). */
export async function gradeWithDefinition(
  definition: ExerciseDefinition,
  exerciseId: string,
  source: string,
  options: GradeOptions = {},
): Promise<GradingResult> {
  const { root: _root, ...rest } = options;
  return gradeChecks(definition, exerciseId, source, {
    ...rest,
    executor: options.executor ?? (await defaultExecutor()),
  });
}
