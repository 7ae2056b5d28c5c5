/**
 * The shape of a run's result: plain JSON data that graders, the timeline and replay views
 * read. docs/run-result.md documents every field; bump RESULT_VERSION when the shape changes.
 */

export const RESULT_VERSION = 1;

/** How a run ended. */
export type RunStatus = "ok" | "error" | "deadlock" | "timeout" | "limit";

/** A JSON value. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Kinds of trace events. Part 2 (threads, processes) adds more; readers ignore unknown kinds. */
export type TraceKind =
  | "spawn"
  | "run"
  | "block"
  | "wake"
  | "sleep"
  | "cpu"
  | "print"
  | "cancel"
  | "exit"
  | "warning"
  // Threads and processes (kernel.ts): lock traffic and the GIL; `thread`/`process` are set.
  | "acquire"
  | "release"
  | "load"
  | "store"
  | "gil-acquire"
  | "gil-release";

/** One event of the trace, in the order it happened. */
export interface TraceEvent {
  /** 0, 1, 2 ... in order. */
  seq: number;
  /** Virtual seconds. */
  time: number;
  kind: TraceKind;
  /** The task's name, or null for the main thread outside any task. */
  task: string | null;
  /** The thread's name; absent for the main thread of a run without threads. */
  thread?: string;
  /** The thread's id (ident), unique in the run. */
  tid?: number;
  /** The process's name (MainProcess, Process-1 ...), for events of threads and processes. */
  process?: string;
  /** The process's pid. */
  pid?: number;
  /** The virtual core a CPU slice ran on (gil-acquire, gil-release). */
  core?: number;
  /** A short human-readable detail: what a task blocks on, a printed line, a duration. */
  detail?: string;
}

/** One print() call. */
export interface OutputLine {
  /** Virtual seconds when it was printed. */
  time: number;
  /** The task that printed it, or null at the top level. */
  task: string | null;
  /** The thread (part 2); absent for the main thread. */
  thread?: string;
  text: string;
}

/** Kinds of warnings: pitfalls the program fell into without failing. */
export type WarningKind =
  | "never-awaited"
  | "blocking-call"
  | "exception-never-retrieved"
  | "callback-error"
  | "output-truncated"
  | "trace-truncated"
  | "thread-exception"
  | "unawaited-call";

/** A pitfall noticed during the run. */
export interface RunWarning {
  kind: WarningKind;
  message: string;
  /** The task concerned, or null. */
  task: string | null;
  /** Virtual seconds when it happened. */
  time: number;
}

/** An error that ended the run, or the reason a run was stopped. */
export interface RunError {
  /** The error's class name (ValueError, CancelledError, Deadlock ...). */
  type: string;
  message: string;
  /** "line:column" of the first stack frame in the program's own file, when known. */
  where?: string;
  stack?: string;
}

/** A task still waiting when the run deadlocked. */
export interface WaitingTask {
  task: string;
  /** The coroutine the task runs, as name(). */
  coro: string;
  /** What it waits on, e.g. "Lock.acquire()", "Event.wait()", "Task-3". */
  waitsOn: string;
}

/** Figures about the run. */
export interface RunStats {
  /** Callbacks and task steps the loop ran (the unit of the step limit). */
  steps: number;
  /** Task steps: times a task was given the loop. */
  switches: number;
  /** Event-loop passes. */
  passes: number;
  /** Tasks created. */
  tasks: number;
  /** Most tasks alive (created, not finished) at once. */
  maxConcurrency: number;
  /** Threads created, the main thread(s) included (only in runs that used threads). */
  threads?: number;
  /** Processes, the main process included (only in runs that used threads). */
  processes?: number;
  /** Times a different thread was given the CPU. */
  contextSwitches?: number;
  /** Preemption points passed (awaited runtime calls of threads). */
  preemptionPoints?: number;
  /** Virtual CPU seconds each process used (work()). */
  cpu?: { process: string; pid: number; seconds: number }[];
}

/** A thread blocked for good when the run deadlocked. */
export interface BlockedThread {
  thread: string;
  process: string;
  /** What it waits on, e.g. "Lock-2.acquire()", "join(Thread-1)". */
  waitsOn: string;
  /** Locks it holds. */
  holds: string[];
}

/** One edge of a wait-for cycle: `thread` waits for `waitsFor`, which `heldBy` holds. */
export interface WaitForEdge {
  thread: string;
  waitsFor: string;
  heldBy: string;
}

/**
 * The choices that made this run, so it can be replayed: at each preemption point where two or
 * more threads could run, the index of the one chosen among them (the thread that ran last
 * first if it could go on, then the others by thread id). Empty for runs without threads.
 */
export interface Schedule {
  strategy: string;
  seed: number;
  choices: number[];
}

/** Everything a run produced. */
export interface RunResult {
  version: typeof RESULT_VERSION;
  status: RunStatus;
  /** The program body's return value as JSON (null when none or on failure). */
  value: Json;
  error: RunError | null;
  output: OutputLine[];
  /** Final virtual time in seconds. */
  time: number;
  trace: TraceEvent[];
  schedule: Schedule;
  stats: RunStats;
  warnings: RunWarning[];
  /**
   * Set when status is "deadlock": each waiting task and what it waits on; with threads, each
   * blocked thread, and the wait-for cycle when there is one.
   */
  deadlock: { waiting: WaitingTask[]; threads?: BlockedThread[]; cycle?: WaitForEdge[] | null } | null;
}
