// biome-ignore-all assist/source/organizeImports: the public API is grouped by topic under headings.

// @interleave/grader in a browser: the check API and grading with a given executor (the sandbox's
// Web Worker), for the visible checks of a Run. No Node APIs; bundlers pick this file for "."
// under the "browser" condition, so a grader.ts bundled for the browser imports it unchanged.

// Writing an exercise's grader.ts
export {
  type Check,
  type CheckBody,
  type CheckOptions,
  check,
  defineExercise,
  type ExerciseDefinition,
  type ExerciseSpec,
  hidden,
  isExerciseDefinition,
} from "./check";
export type { CheckContext, Counterexample, ExploreOptions, Property } from "./context";
export { readPrediction } from "./prediction";
// Describing runs in messages
export { describeEnding, formatLine, formatOutput, seconds } from "./describe-run";
// Errors
export { CheckFailure, GraderError, GraderSetupError, RunRequestError } from "./errors";
// What runs programs
export type { Executor, MeasuredRun, RunLimits, RunOptions, RunRequest } from "./executor";
export type { RunExpectation } from "./expect";
// Grading with a loaded definition
export {
  DEFAULT_BUDGET_MS,
  DEFAULT_WALL_BUDGET_MS,
  DEFAULT_RUN_DEADLINE_MS,
  GRADING_LIMITS,
  type GradeChecksOptions,
  gradeChecks,
} from "./grade-checks";
export type {
  GradingExtras,
  GradingResult,
  Reproduction,
  TestExtras,
  TestResult,
  TestStatus,
} from "./results";
