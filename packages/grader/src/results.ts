/**
 * The result of grading a submission: Exercism's results.json, version 3
 * (https://exercism.org/docs/building/tooling/test-runners/interface), plus what Interleave adds
 * in a separate `interleave` field so Exercism-shaped readers can ignore it.
 */
import type { Schedule } from "@interleave/scheduler";
import type { Counterexample } from "./context";

export type TestStatus = "pass" | "fail" | "error";

/** One check's result, as Exercism's v3 `tests[]` entry. */
export interface TestResult {
  name: string;
  status: TestStatus;
  /** Why it failed or errored; null when it passed. */
  message: string | null;
  /** What the learner's program printed in the check's last run (at most 500 characters). */
  output: string | null;
  /** The prompt's task this check belongs to, when the grader says. */
  task_id?: number;
}

/** Where a failed check's schedule can be replayed from. */
export interface Reproduction {
  strategy: string;
  seed: number;
  depth?: number;
  /** PCT's steps estimate, needed with seed and depth to get the same schedule again. */
  steps?: number;
  schedule: Schedule;
  /** Schedules explored before this one failed (explore only). */
  explored?: number;
}

/** Interleave's additions for one check. */
export interface TestExtras {
  name: string;
  hidden: boolean;
  durationMs: number;
  runs: number;
  /** For a failed check: the run to replay (its seed and schedule). */
  reproduce: Reproduction | null;
  /**
   * When the check's last run was stopped by a limit: the limit's error type (DeadlineExceeded,
   * MemoryLimitExceeded, GradingDeadline for a run not started because the budget was spent ...).
   */
  stop: string | null;
}

/** Interleave's additions for the whole grading. */
export interface GradingExtras {
  exercise: string;
  durationMs: number;
  /** Runs the checks asked for; `executed` of them really ran (the rest were identical repeats). */
  runs: number;
  executed: number;
  /** CPU time the executed runs took where they ran (ms; wall time for executors that cannot say). */
  cpuMs: number;
  /** Whether hidden checks were graded; when not, how many were left out. */
  hiddenIncluded: boolean;
  hiddenSkipped: number;
  /** For status "error": whether the grader (grader.ts, the exercise) or the setup is at fault. */
  errorSource: "grader" | null;
  tests: TestExtras[];
}

/** Exercism's results.json v3 with Interleave's extras. */
export interface GradingResult {
  version: 3;
  status: TestStatus;
  /** Set when status is "error": what went wrong before or around the checks. */
  message?: string;
  tests: TestResult[];
  interleave: GradingExtras;
}

/** Exercism's limit on a test's output. */
export const MAX_TEST_OUTPUT = 500;

export function reproductionOf(counterexample: Counterexample): Reproduction {
  return { ...counterexample };
}
