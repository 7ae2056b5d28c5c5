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
// Describing runs in messages
export { describeEnding, formatLine, formatOutput, seconds } from "./describe-run";
// What runs programs
export { directExecutor } from "./direct-executor";
// Errors
export { CheckFailure, GraderError, GraderSetupError, RunRequestError, UsageError } from "./errors";
export type { Executor, RunOptions, RunRequest } from "./executor";
export type { RunExpectation } from "./expect";
// Grading a submission
export {
  DEFAULT_BUDGET_MS,
  DEFAULT_RUN_DEADLINE_MS,
  type GradeOptions,
  gradeSubmission,
  gradeWithDefinition,
} from "./grade";
export { type ExerciseLocation, loadGrader, locateExercise } from "./load-grader";
export type {
  GradingExtras,
  GradingResult,
  Reproduction,
  TestExtras,
  TestResult,
  TestStatus,
} from "./results";
