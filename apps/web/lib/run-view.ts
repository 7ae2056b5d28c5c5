/**
 * What the app shows of a run and of a grading. These mirror the run result of
 * @interleave/scheduler (docs/run-result.md) and Exercism's results.json v3 from
 * @interleave/grader, reduced to the fields the UI reads, so a newer result with more fields
 * still renders.
 */

export type RunStatus = "ok" | "error" | "deadlock" | "timeout" | "limit";

export interface RunView {
  status: RunStatus;
  output: ReadonlyArray<{ time: number; task: string | null; thread?: string | undefined; text: string }>;
  warnings: ReadonlyArray<{ kind: string; message: string; task: string | null; time: number }>;
  error: { type: string; message: string; where?: string | undefined } | null;
  /** Final virtual time, in seconds. */
  time: number;
  deadlock?: { waiting: ReadonlyArray<{ task: string; coro: string; waitsOn: string }> } | null;
}

export type CheckStatus = "pass" | "fail" | "error";

/** The schedule that shows a concurrency bug, so it can be replayed. */
export interface ReplayInfo {
  seed: number;
  strategy?: string | undefined;
  choices?: readonly number[] | undefined;
}

export interface CheckView {
  name: string;
  status: CheckStatus;
  message?: string | null | undefined;
  output?: string | null | undefined;
  task_id?: number | null | undefined;
  replay?: ReplayInfo | null | undefined;
}

export interface GradeView {
  version: 3;
  status: CheckStatus;
  message?: string | null | undefined;
  tests: readonly CheckView[];
}

/** Virtual seconds as the output panel prints them: "0.000s", "12.500s". */
export function formatVirtualTime(seconds: number): string {
  return `${seconds.toFixed(3)}s`;
}

/** Who printed a line: the task, the thread, or "main". */
export function speaker(line: { task: string | null; thread?: string | undefined }): string {
  return line.task ?? line.thread ?? "main";
}

const STATUS_TEXT: Record<RunStatus, string> = {
  ok: "Finished",
  error: "Error",
  deadlock: "Deadlock",
  timeout: "Stopped: took too long",
  limit: "Stopped: a limit was reached",
};

/** A run's status in words. */
export function describeStatus(status: RunStatus): string {
  return STATUS_TEXT[status] ?? status;
}
