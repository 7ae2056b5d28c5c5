import { RESULT_VERSION, type RunError, type RunResult, type RunStatus } from "@interleave/scheduler";

/**
 * A RunResult for a program that did not run at all (it did not compile, or the grading's time
 * budget was spent before its turn), so checks see one shape whatever happened.
 */
export function notRun(status: RunStatus, error: RunError, strategy = "round-robin", seed = 0): RunResult {
  return {
    version: RESULT_VERSION,
    status,
    value: null,
    error,
    output: [],
    time: 0,
    trace: [],
    schedule: { strategy, seed, choices: [] },
    stats: { steps: 0, switches: 0, passes: 0, tasks: 0, maxConcurrency: 0 },
    warnings: [],
    deadlock: null,
  };
}
