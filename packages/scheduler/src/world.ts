/**
 * The world: everything one run owns that a program must not reach. The clock, the trace,
 * the output, the warnings, the limits and the step counters live here, and the only way to
 * the current world is `ambient.world`, a module variable set while a run executes. Runtime
 * objects a program can touch (tasks, futures, loops, locks) never hold a reference to it.
 *
 * Part 1 has one thread, the main thread, on which asyncio.run drives an event loop. Part 2
 * adds threads and processes: `ThreadState` is where a thread's running loop lives, and
 * `idle()` is where the world decides what happens when a loop has nothing to do (run other
 * threads until something wakes it, or report a deadlock).
 */
import { Clock, nsToSeconds, secondsToNs } from "./clock";
import type { Coroutine, DriveOutcome } from "./coroutine";
import { RunAborted, RuntimeError } from "./errors";
import type { EventLoop } from "./loop";
import type {
  OutputLine,
  RunResult,
  RunWarning,
  TraceEvent,
  TraceKind,
  WaitingTask,
  WarningKind,
} from "./result";
import type { Task } from "./task";
import type { ThreadOptions } from "./thread-options";

/** Limits that end a runaway program. */
export interface Limits {
  /** Loop steps (callbacks and task steps) before the run ends with status "limit". */
  maxSteps: number;
  /** Virtual seconds before the run ends with status "timeout". */
  maxTime: number;
  /** print() calls kept; beyond it the run ends with status "limit". */
  maxOutputLines: number;
  /** Trace events kept; beyond it the trace is cut (with a warning), the run goes on. */
  maxTraceEvents: number;
}

export const DEFAULT_LIMITS: Limits = Object.freeze({
  maxSteps: 2_000_000,
  maxTime: 3_600,
  maxOutputLines: 10_000,
  maxTraceEvents: 200_000,
});

/** Options of one world. */
export interface WorldOptions {
  limits?: Partial<Limits>;
  /** Record the trace (default true). Benchmarks turn it off. */
  trace?: boolean;
  /** Seed of the run's pseudo-random choices (part 2's strategies). */
  seed?: number;
  /** Threads, processes, strategies, cores (kernel.ts). */
  threads?: ThreadOptions;
}

/**
 * What the threads-and-processes kernel (kernel.ts) plugs into a world once a program starts
 * a thread or a process; null before, so asyncio-only runs are untouched by it.
 */
export interface ThreadHooks {
  /** The main thread's loop has nothing ready: block until `whenNs` (null: until woken). */
  loopIdle(loop: EventLoop, whenNs: number | null): void;
  /** A blocking call on the main thread (time.sleep, work) for `ns`. */
  blockFor(kind: "sleep" | "cpu", ns: number): void;
  /** The program body returned: wait for non-daemon threads and processes. */
  atExit(): void;
  /** The running thread's name for output and trace, or null for the main thread. */
  threadName(): string | null;
  /** Adds the schedule, thread stats and deadlock details to the result. */
  finish(result: RunResult): void;
}

/** A thread of the simulated program. Part 1 only has the main thread. */
export interface ThreadState {
  readonly name: string;
  /** The event loop asyncio.run is running on this thread, if any. */
  loop: EventLoop | null;
}

/** Coroutines noted in one step before they are flushed; the long-lived list's first size. */
export const COMPACT_MIN = 1024;

/** One run's private state. */
export class World {
  readonly clock = new Clock();
  readonly limits: Limits;
  readonly maxTimeNs: number;
  /** limits.maxSteps, read on every step. */
  readonly maxSteps: number;
  readonly seed: number;
  readonly threadOptions: ThreadOptions;
  /** Set by the kernel when the program first uses threads or processes. */
  hooks: ThreadHooks | null = null;
  readonly mainThread: ThreadState = { name: "MainThread", loop: null };
  thread: ThreadState = this.mainThread;
  /** The task whose step is running, if any. */
  currentTask: Task | null = null;
  /** The module a child process imports (runtime.ts: the program's, named "__mp_main__"). */
  childModule: unknown = null;

  steps = 0;
  switches = 0;
  passes = 0;
  tasksCreated = 0;
  liveTasks = 0;
  maxConcurrency = 0;
  /** Python's process-wide task name counter (Task-1, Task-2 ...). */
  taskCounter = 0;

  readonly tracing: boolean;
  readonly trace: TraceEvent[] = [];
  readonly output: OutputLine[] = [];
  readonly warnings: RunWarning[] = [];
  aborted: RunAborted | null = null;
  deadlock: WaitingTask[] | null = null;
  /** Tasks that failed and whose exception nobody has retrieved yet. */
  readonly failedTasks = new Set<Task>();

  /** What drive() last did (reused; see coroutine.ts). */
  readonly driven: DriveOutcome = { kind: 0, value: undefined };
  /**
   * Set when time.sleep() or work() just blocked the loop from inside a task step: awaiting the
   * None it returned then goes on instead of raising "can't be used in 'await' expression", so
   * `await work(1)` on the loop only blocks (with the blocked-loop warning), as students expect.
   */
  blockingReturn = false;

  /** Virtual ns the current task step spent in blocking calls, and which calls. */
  _stepBlockedNs = 0;
  _stepBlockingCalls: string[] = [];
  /**
   * Coroutines created since the last flush (most are awaited at once, so they die young), and
   * those a flush found unstarted, which may never be awaited, with who made them and when
   * (compacted as it grows). A flush happens when a step begins or ends and before the clock
   * moves, so the creator and time it notes are those of the coroutine's creation.
   */
  readonly _stepFresh: Coroutine[] = [];
  /** How many of `_stepFresh` are current (the slots past it are stale, to be overwritten). */
  _stepFreshCount = 0;
  _fresh: Coroutine[] = [];
  _freshCreators: (string | null)[] = [];
  _freshNs: number[] = [];
  _freshLimit = COMPACT_MIN;
  _traceFull = false;

  constructor(options: WorldOptions = {}) {
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.maxTimeNs = secondsToNs(this.limits.maxTime);
    this.maxSteps = this.limits.maxSteps;
    this.tracing = options.trace ?? true;
    this.seed = options.seed ?? 0;
    this.threadOptions = options.threads ?? {};
  }

  /** Virtual time in seconds. */
  seconds(): number {
    return nsToSeconds(this.clock.now);
  }

  /** Name of the running task, or null at the top level. */
  taskName(): string | null {
    return this.currentTask === null ? null : this.currentTask._name;
  }

  /** Appends a trace event (when tracing, until the trace limit). */
  record(kind: TraceKind, task: string | null, detail?: string): void {
    if (!this.tracing || this._traceFull) return;
    if (this.trace.length >= this.limits.maxTraceEvents) {
      this._traceFull = true;
      this.warn("trace-truncated", `The trace was cut at ${this.limits.maxTraceEvents} events.`, null);
      return;
    }
    const event: TraceEvent = { seq: this.trace.length, time: this.seconds(), kind, task };
    if (detail !== undefined) event.detail = detail;
    this.trace.push(event);
  }

  /** Records a warning (a pitfall the program fell into). */
  warn(kind: WarningKind, message: string, task: string | null): void {
    this.warnings.push({ kind, message, task, time: this.seconds() });
  }

  /** Records a line of output. */
  print(text: string): void {
    this.checkAborted();
    if (this.output.length >= this.limits.maxOutputLines) {
      this.abort(
        "limit",
        `The program printed more than ${this.limits.maxOutputLines} lines, so it was stopped. ` +
          "Is a loop printing forever?",
      );
    }
    const task = this.taskName();
    const thread = this.hooks?.threadName() ?? null;
    const line: OutputLine = { time: this.seconds(), task, text };
    if (thread !== null) line.thread = thread;
    this.output.push(line);
    this.record("print", task, text);
    if (thread !== null && this.tracing) {
      const e = this.trace[this.trace.length - 1];
      if (e?.kind === "print") e.thread = thread;
    }
  }

  /** Counts one loop step; ends the run past the step limit. */
  tick(): void {
    if (++this.steps > this.maxSteps) this.stepLimit();
  }

  /** Ends the run: past the step limit. */
  stepLimit(): never {
    this.abort(
      "limit",
      `The program took more than ${groupThousands(this.limits.maxSteps)} scheduler steps, so it ` +
        "was stopped. Is a task looping forever around an await?",
    );
  }

  /** Moves the clock to `ns`; ends the run past the time limit. */
  advanceTo(ns: number): void {
    if (this._stepFreshCount > 0) this._keepUnstarted();
    if (ns > this.maxTimeNs) {
      this.clock.advanceTo(this.maxTimeNs);
      this.abort(
        "timeout",
        `The program ran for more than ${this.limits.maxTime} virtual seconds (the time limit), so it ` +
          "was stopped. Is something sleeping forever, or waiting for what never happens?",
      );
    }
    this.clock.advanceTo(ns);
  }

  /**
   * A blocking call (time.sleep, work) made by the running code: the clock moves on while
   * nothing else runs. Inside a task step it is noted, and the step ends with a warning.
   */
  blockFor(seconds: number, kind: "sleep" | "cpu", call: string): void {
    this.checkAborted();
    const ns = Math.max(0, secondsToNs(seconds));
    if (this._stepFreshCount > 0) this._keepUnstarted();
    this.record(kind, this.taskName(), `${call} blocks for ${seconds} s`);
    if (this.currentTask !== null) {
      this._stepBlockedNs += ns;
      if (!this._stepBlockingCalls.includes(call)) this._stepBlockingCalls.push(call);
    }
    if (this.hooks !== null) this.hooks.blockFor(kind, ns);
    else this.advanceTo(this.clock.now + ns);
  }

  // A task step begins in task.ts step() (inline: it is every step): flush the never-awaited buffer,
  // set currentTask, count the switch, trace "run".
  /** Called when a task step ends: warns if the step blocked the loop. */
  endStep(task: Task): void {
    const n = this._stepFreshCount;
    if (n === 1 && this._stepFresh[0]!._state !== 0) this._stepFreshCount = 0;
    else if (n > 0) this._keepUnstarted();
    this.currentTask = null;
    if (this._stepBlockedNs === 0) return;
    const took = nsToSeconds(this._stepBlockedNs).toFixed(3);
    const calls = this._stepBlockingCalls.join(" and ");
    const advice = blockingAdvice(this._stepBlockingCalls);
    this._stepBlockedNs = 0;
    this._stepBlockingCalls = [];
    this.warn(
      "blocking-call",
      `Executing ${task.toString()} took ${took} seconds: ${calls} blocked the event loop, so no other ` +
        `task could run meanwhile. ${advice}`,
      task._name,
    );
  }

  /** Ends the run with `status`; the program cannot undo it by catching the error. */
  abort(status: RunAborted["status"], message: string): never {
    if (this.aborted === null) this.aborted = new RunAborted(status, message);
    throw this.aborted;
  }

  /** Rethrows the abort, if the run was aborted (a program caught it and went on). */
  checkAborted(): void {
    if (this.aborted !== null) throw this.aborted;
  }

  /**
   * A loop has nothing ready and no timer: nothing can wake its tasks. In part 1 that is a
   * deadlock; part 2 first lets other threads run.
   */
  idle(loop: EventLoop): never {
    const waiting = loop._waitingTasks();
    this.deadlock = waiting;
    const list = waiting.map((w) => `${w.task} (${w.coro}) waits on ${w.waitsOn}`).join("; ");
    this.abort(
      "deadlock",
      waiting.length === 0
        ? "Deadlock: the event loop has nothing to run and nothing to wait for."
        : `Deadlock: ${waiting.length === 1 ? "the only task is" : `all ${waiting.length} tasks are`} ` +
            `waiting and nothing can wake ${waiting.length === 1 ? "it" : "them"}: ${list}.`,
    );
  }

  /** Notes a new coroutine, to report it at the end if it never ran. */
  registerCoroutine(coro: Coroutine): void {
    const n = this._stepFreshCount;
    if (n < this._stepFresh.length) this._stepFresh[n] = coro;
    else this._stepFresh.push(coro);
    this._stepFreshCount = n + 1;
    if (n + 1 >= COMPACT_MIN) this._keepUnstarted();
  }

  /** Moves the coroutines created since the last flush that did not start to the long-lived list. */
  _keepUnstarted(): void {
    const buffer = this._stepFresh;
    const n = this._stepFreshCount;
    let i = 0;
    while (i < n && buffer[i]!._state !== 0) i++;
    if (i < n) {
      const creator = this.taskName();
      const ns = this.clock.now;
      for (; i < n; i++) {
        const c = buffer[i]!;
        if (c._state !== 0) continue;
        this._fresh.push(c);
        this._freshCreators.push(creator);
        this._freshNs.push(ns);
      }
    }
    this._stepFreshCount = 0;
    if (this._fresh.length >= this._freshLimit) {
      const coros: Coroutine[] = [];
      const creators: (string | null)[] = [];
      const times: number[] = [];
      for (let i = 0; i < this._fresh.length; i++) {
        if (this._fresh[i]!._state !== 0) continue;
        coros.push(this._fresh[i]!);
        creators.push(this._freshCreators[i]!);
        times.push(this._freshNs[i]!);
      }
      this._fresh = coros;
      this._freshCreators = creators;
      this._freshNs = times;
      this._freshLimit = Math.max(COMPACT_MIN, coros.length * 2);
    }
  }

  /** End-of-run warnings: coroutines never awaited, task exceptions never retrieved. */
  finish(): void {
    this._keepUnstarted();
    for (let i = 0; i < this._fresh.length; i++) {
      const coro = this._fresh[i]!;
      if (coro._state !== 0) continue;
      this.warnings.push({
        kind: "never-awaited",
        message: `coroutine '${coro.__name__}' was never awaited`,
        task: this._freshCreators[i]!,
        time: nsToSeconds(this._freshNs[i]!),
      });
    }
    this._fresh = [];
    this._freshCreators = [];
    this._freshNs = [];
    for (const task of this.failedTasks) {
      if (!task._logTraceback) continue;
      const exc = task._exception;
      const what = exc instanceof Error ? `${exc.name}: ${exc.message}` : String(exc);
      this.warnings.push({
        kind: "exception-never-retrieved",
        message: `Task exception was never retrieved: ${task.toString()} raised ${what}`,
        task: task._name,
        time: this.seconds(),
      });
    }
  }
}

/** 2000000 -> "2,000,000", the same in every host (toLocaleString is not, in QuickJS). */
export function groupThousands(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** The world of the run in progress. Only this package can reach it. */
export const ambient: { world: World | null } = { world: null };

/** The world of the run in progress; a RuntimeError outside a run. */
export function currentWorld(): World {
  const w = ambient.world;
  if (w === null) throw new RuntimeError("the interleave runtime is not running (no active run)");
  return w;
}

/** What to do instead of the blocking calls a step made: sleep differently, or move CPU work off the loop. */
function blockingAdvice(calls: readonly string[]): string {
  const sleep = 'In a coroutine, use "await asyncio.sleep(...)" to wait without blocking.';
  const cpu =
    'Run CPU work off the loop with "await loop.run_in_executor(None, fn)" or "await asyncio.to_thread(fn)".';
  const cpuWork = calls.includes("work()");
  const sleeps = calls.some((c) => c !== "work()");
  return cpuWork && sleeps ? `${sleep} ${cpu}` : cpuWork ? cpu : sleep;
}
