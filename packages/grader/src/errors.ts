/**
 * The errors this package throws. A learner's failing program is never one of them: it becomes a
 * failed check (data). These are for graders that are themselves broken, exercises that cannot be
 * loaded, and misuse of the API.
 */

/** Base class of the grader's errors. */
export class GraderError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/**
 * An exercise's grader.ts cannot be used: it does not load, does not export a definition, or
 * defines checks that make no sense (no checks, duplicate names). `file` is the grader's path.
 */
export class GraderSetupError extends GraderError {
  constructor(
    readonly file: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${message}`, options);
  }
}

/** A run was asked for with options the executor does not accept (an unknown strategy ...). */
export class RunRequestError extends GraderError {}

/**
 * The grading ran out of budget before a check finished, with no run stopped by a limit. Two
 * budgets: the CPU time its runs may use ("cpu": the program is slow, or the checks ask for too
 * many runs), and a wall-clock safety net ("wall": the machine was too busy to grade at all).
 * Not the learner's fault either way, so the check is an "error", not a failure.
 */
export class GradingBudgetError extends GraderError {
  constructor(
    readonly budgetMs: number,
    readonly kind: "cpu" | "wall" = "cpu",
  ) {
    super(
      kind === "cpu"
        ? `grading ran out of its ${budgetMs} ms budget of CPU time before this check finished (the ` +
            "program is slow, or the checks ask for too many runs); lower the runs this check makes"
        : `grading ran out of its ${budgetMs} ms of real time before this check finished (the machine ` +
            "is too busy to grade right now); grade again in a moment",
    );
  }
}

/** A command-line usage mistake (unknown command, missing file). The CLI exits with status 2. */
export class UsageError extends GraderError {}

/**
 * Thrown by a failing expectation inside a check and caught by the check runner, which turns it
 * into a failed test. Graders should not catch it.
 */
export class CheckFailure extends Error {
  override readonly name = "CheckFailure";
  constructor(
    message: string,
    /** The run the failure is about, when there is one (for its seed and schedule). */
    readonly run?: import("@interleave/scheduler").RunResult,
  ) {
    super(message);
  }
}
