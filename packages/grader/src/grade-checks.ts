/**
 * Grading: every check of an exercise over one submission, into a results.json (v3). No Node
 * APIs here: the browser grades visible checks with this too (`@interleave/grader/browser`).
 *
 * Checks run one after another in the host; each gets a CheckContext whose runs go through the
 * executor (the sandbox). A CheckFailure from an expectation fails the check; anything else a
 * check throws is the grader's fault and makes that test an "error" naming grader.ts and the
 * line. The learner's program can only influence the RunResults it produces, never this code.
 */
import type { Check, ExerciseDefinition } from "./check";
import { CheckContext, type GradingSession } from "./context";
import { formatOutput, stopOf } from "./describe-run";
import { CheckFailure, GradingBudgetError, RunRequestError } from "./errors";
import type { Executor, RunLimits } from "./executor";
import {
  type GradingResult,
  MAX_TEST_OUTPUT,
  type Reproduction,
  type TestExtras,
  type TestResult,
  type TestStatus,
} from "./results";
import { describeThrown, graderLocation } from "./thrown";

/** Options of a grading whose definition is already loaded. */
export interface GradeChecksOptions {
  /** What runs the program: the sandbox (Node pool, Web Worker). */
  executor: Executor;
  /** Grade the hidden checks too (the server on Submit). Default false. */
  includeHidden?: boolean;
  /** The submission's file name, shown in errors (default "main.ts"). */
  filename?: string;
  /**
   * CPU time the grading's runs may use, in ms (default 2500), measured where they run, so a
   * busy machine does not shrink it (executors that cannot measure count each run's wall time).
   */
  budgetMs?: number;
  /**
   * Wall-clock safety net of the whole grading in ms (default the larger of 30 s and four times
   * `budgetMs`): past it no run starts, and the check is an error (a machine too busy to grade).
   */
  wallBudgetMs?: number;
  /** Wall-clock deadline of one run in ms (default 1000). */
  runDeadlineMs?: number;
  /**
   * Record every run's trace (default false: runs record one only for the checks that read it;
   * such a check runs a second time, with traces, when it first reads one).
   */
  traces?: boolean;
  /** Only these checks (by name); default all. */
  only?: readonly string[];
}

export const DEFAULT_BUDGET_MS = 2500;
export const DEFAULT_WALL_BUDGET_MS = 30_000;
export const DEFAULT_RUN_DEADLINE_MS = 1000;
/**
 * Limits of every graded run unless the exercise sets its own: exercises need little memory,
 * and a lower cap stops a memory bomb sooner (the sandbox's default suits free-form runs).
 */
export const GRADING_LIMITS: Readonly<RunLimits> = Object.freeze({ memoryBytes: 64 * 1024 * 1024 });

/** Grades `source` with an already loaded definition, running it with `options.executor`. */
export async function gradeChecks(
  definition: ExerciseDefinition,
  exerciseId: string,
  source: string,
  options: GradeChecksOptions,
): Promise<GradingResult> {
  const started = performance.now();
  const includeHidden = options.includeHidden ?? false;
  const graderFile = `${exerciseId}/grader.ts`;
  const budgetMs = options.budgetMs ?? DEFAULT_BUDGET_MS;
  const wallBudgetMs = options.wallBudgetMs ?? Math.max(DEFAULT_WALL_BUDGET_MS, 4 * budgetMs);
  const session: GradingSession = {
    executor: options.executor,
    source,
    filename: options.filename ?? "main.ts",
    limits: { ...GRADING_LIMITS, ...definition.limits },
    seeds: definition.seeds,
    budgetMs,
    spentMs: 0,
    wallEnd: started + wallBudgetMs,
    wallBudgetMs,
    runDeadlineMs: options.runDeadlineMs ?? DEFAULT_RUN_DEADLINE_MS,
    stoppedBy: null,
    traces: options.traces ?? false,
    traceWanted: false,
    runs: 0,
    executed: 0,
    cache: new Map(),
  };
  const checks = definition.checks.filter(
    (c) => (includeHidden || !c.hidden) && (!options.only || options.only.includes(c.name)),
  );
  const tests: TestResult[] = [];
  const extras: TestExtras[] = [];
  for (const check of checks) {
    const checkStarted = performance.now();
    session.traceWanted = false;
    let attempt = await attemptCheck(check, session, graderFile);
    if (session.traceWanted && !session.traces) {
      // The check read a trace its runs did not record: it runs again, its runs with traces.
      session.traces = true;
      attempt = await attemptCheck(check, session, graderFile);
      session.traces = false;
    }
    const { t, status, message, reproduce } = attempt;
    const test: TestResult = { name: check.name, status, message, output: testOutput(t) };
    if (check.task !== undefined) test.task_id = check.task;
    tests.push(test);
    extras.push({
      name: check.name,
      hidden: check.hidden,
      durationMs: round(performance.now() - checkStarted),
      runs: t.runs,
      reproduce,
      stop: t.lastRun ? stopOf(t.lastRun) : null,
    });
  }
  const errored = tests.filter((t) => t.status === "error").length;
  const status: TestStatus = errored > 0 ? "error" : tests.some((t) => t.status === "fail") ? "fail" : "pass";
  const result: GradingResult = {
    version: 3,
    status,
    tests,
    interleave: {
      exercise: exerciseId,
      durationMs: round(performance.now() - started),
      runs: session.runs,
      executed: session.executed,
      cpuMs: round(session.spentMs),
      hiddenIncluded: includeHidden,
      hiddenSkipped: includeHidden ? 0 : definition.checks.filter((c) => c.hidden).length,
      errorSource: errored > 0 ? "grader" : null,
      tests: extras,
    },
  };
  if (errored > 0) result.message = `the grader failed in ${errored} check(s); see each test's message`;
  return result;
}

/** One check's outcome. */
interface Attempt {
  t: CheckContext;
  status: TestStatus;
  message: string | null;
  reproduce: Reproduction | null;
}

/** Runs one check's body and classifies how it ended. */
async function attemptCheck(check: Check, session: GradingSession, graderFile: string): Promise<Attempt> {
  const t = new CheckContext(session);
  try {
    await check.body(t);
    return { t, status: "pass", message: null, reproduce: null };
  } catch (error) {
    if (error instanceof CheckFailure) {
      const run = error.run;
      let reproduce: Reproduction | null = null;
      if (t.counterexample) reproduce = { ...t.counterexample };
      else if (run)
        reproduce = { strategy: run.schedule.strategy, seed: run.schedule.seed, schedule: run.schedule };
      return { t, status: "fail", message: error.message, reproduce };
    }
    if (error instanceof GradingBudgetError) {
      return { t, status: "error", message: `check "${check.name}": ${error.message}`, reproduce: null };
    }
    if (error instanceof RunRequestError) {
      const message = `check "${check.name}" could not run the program: ${error.message}`;
      return { t, status: "error", message, reproduce: null };
    }
    const at = graderLocation(error, graderFile);
    const message = `${graderFile} threw in check "${check.name}": ${describeThrown(error)}${at ? ` (at ${at})` : ""}`;
    return { t, status: "error", message, reproduce: null };
  }
}

function testOutput(t: CheckContext): string | null {
  const parts: string[] = [...t.logs];
  if (t.lastRun) parts.push(formatOutput(t.lastRun));
  if (parts.length === 0) return null;
  const text = parts.join("\n");
  return text.length > MAX_TEST_OUTPUT ? `${text.slice(0, MAX_TEST_OUTPUT - 3)}...` : text;
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
