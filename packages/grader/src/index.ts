// biome-ignore-all assist/source/organizeImports: the public API is grouped by topic under headings.

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
export { checkPrediction, type PredictionSpec, readPrediction } from "./prediction";
export { type EditorDiagnostic, editorDiagnostics } from "@interleave/sandbox/editor-diagnostics";
export { courseTypeProblems } from "./cli/check-command";
export type { RunExpectation } from "./expect";

// Grading a submission
export { type GradeOptions, gradeSubmission, gradeWithDefinition } from "./grade";
export {
  DEFAULT_BUDGET_MS,
  DEFAULT_WALL_BUDGET_MS,
  DEFAULT_RUN_DEADLINE_MS,
  GRADING_LIMITS,
  type GradeChecksOptions,
  gradeChecks,
} from "./grade-checks";
export { type ExerciseLocation, loadGrader, locateExercise } from "./load-grader";
export type {
  GradingExtras,
  GradingResult,
  Reproduction,
  TestExtras,
  TestResult,
  TestStatus,
} from "./results";

// What runs programs
export type { Executor, MeasuredRun, RunLimits, RunOptions, RunRequest } from "./executor";
export { defaultExecutor, disposeDefaultExecutor } from "./default-executor";
export {
  courseExecutor,
  executorFor,
  poolExecutor,
  type SandboxHost,
  sandboxExecutor,
} from "./sandbox-executor";
export { directExecutor } from "./direct-executor";

// Describing runs in messages
export { describeEnding, formatLine, formatOutput, seconds, stopOf } from "./describe-run";

// Errors
export {
  CheckFailure,
  GraderError,
  GraderSetupError,
  GradingBudgetError,
  RunRequestError,
  UsageError,
} from "./errors";
