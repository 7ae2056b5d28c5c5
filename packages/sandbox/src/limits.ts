/**
 * The limits every run is held to, and what a beginner is told when one is reached.
 *
 * Two kinds: the sandbox's own (wall-clock deadline, memory, stack depth, output size,
 * microtasks), enforced from outside the program by the QuickJS host, and the scheduler's
 * (steps, virtual time, printed lines), enforced inside the runtime and passed through.
 */

/** Limits of one run. Every field has a default suited to course exercises. */
export interface SandboxLimits {
  /** Real time the program may run, in milliseconds (default 2000). */
  deadlineMs: number;
  /** Memory the program may use, in bytes (default 128 MiB). */
  memoryBytes: number;
  /** Native stack QuickJS may use, in bytes (default 256 KiB, about 1,500 nested calls). */
  stackBytes: number;
  /** Characters of printed output kept before the run is stopped (default 1,000,000). */
  maxOutputChars: number;
  /** Promise callbacks (microtasks) run after the program before it is stopped (default 10,000). */
  maxMicrotasks: number;
  /** Scheduler steps (loop callbacks and task steps) before the run is stopped. */
  maxSteps: number;
  /** Virtual seconds before the run is stopped. */
  maxVirtualSeconds: number;
  /** print() calls kept before the run is stopped. */
  maxOutputLines: number;
  /** Trace events kept; beyond it the trace is cut with a warning. */
  maxTraceEvents: number;
}

/** The defaults. A grader may raise or lower any of them per run. */
export const DEFAULT_LIMITS: Readonly<SandboxLimits> = Object.freeze({
  deadlineMs: 2_000,
  memoryBytes: 128 * 1024 * 1024,
  stackBytes: 256 * 1024,
  maxOutputChars: 1_000_000,
  maxMicrotasks: 10_000,
  maxSteps: 2_000_000,
  maxVirtualSeconds: 3_600,
  maxOutputLines: 10_000,
  maxTraceEvents: 200_000,
});

/** Merges overrides into the defaults, rejecting values that are not positive numbers. */
export function resolveLimits(overrides: Partial<SandboxLimits> = {}): SandboxLimits {
  const limits: SandboxLimits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(DEFAULT_LIMITS) as (keyof SandboxLimits)[]) {
    const value = overrides[key];
    if (value === undefined) continue;
    if (typeof value !== "number" || !(value > 0)) {
      throw new RangeError(`limit ${key} must be a positive number, got ${String(value)}`);
    }
    limits[key] = value;
  }
  return limits;
}

/** Which sandbox limit stopped a run. */
export type SandboxStop = "deadline" | "memory" | "stack" | "output" | "microtasks";

/** The error type and status a run stopped by the sandbox reports. */
export const STOP_TYPES: Readonly<Record<SandboxStop, { type: string; status: "timeout" | "limit" }>> = {
  deadline: { type: "DeadlineExceeded", status: "timeout" },
  memory: { type: "MemoryLimitExceeded", status: "limit" },
  stack: { type: "StackLimitExceeded", status: "limit" },
  output: { type: "OutputLimitExceeded", status: "limit" },
  microtasks: { type: "MicrotaskLimitExceeded", status: "limit" },
};

function seconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

/** What happened and the likely cause, in words a beginner understands. */
export function stopMessage(stop: SandboxStop, limits: SandboxLimits): string {
  switch (stop) {
    case "deadline":
      return (
        `Your program ran for more than ${seconds(limits.deadlineMs)} of real time and was stopped. ` +
        "Look for a loop that never ends (a while whose condition never becomes false, or a loop " +
        "that never awaits), or for work far bigger than the exercise needs."
      );
    case "memory":
      return (
        `Your program used more than ${megabytes(limits.memoryBytes)} of memory and was stopped. ` +
        "Look for a list, string or buffer that keeps growing, for example items added in a loop " +
        "that never ends."
      );
    case "stack":
      return (
        "Your program called functions too deeply (it ran out of stack) and was stopped. Look for a " +
        "recursive function without a base case, or whose base case is never reached, or for a " +
        "value nested far too deeply."
      );
    case "output":
      return (
        `Your program printed more than ${limits.maxOutputChars.toLocaleString("en-US")} characters ` +
        "and was stopped. Look for a print inside a loop that never ends."
      );
    case "microtasks":
      return (
        `Your program queued more than ${limits.maxMicrotasks.toLocaleString("en-US")} promise ` +
        "callbacks (.then, Promise.resolve) and was stopped. Look for a promise chain that keeps " +
        "scheduling itself; use the runtime's asyncio instead of native promises."
      );
  }
}
