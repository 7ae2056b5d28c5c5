/**
 * The kernel's records: a simulated thread and process, the Op a thread awaits at a preemption
 * point, and the FIFO wait queue threads block in (the threads' parking lot). kernel.ts moves
 * them between states; the primitives (locks, queues, shared cells) define Ops over them.
 */
import { Coroutine, Suspend } from "./coroutine";
import { RuntimeError } from "./errors";
import type { Handle } from "./handle";
import type { Kernel } from "./kernel";
import type { ThreadState } from "./world";

/** Thread states: created, can run, waits in a queue or for a timer, waits for CPU, finished. */
export const NEW = 0;
export const RUNNABLE = 1;
export const BLOCKED = 2;
export const CPU = 3;
export const DONE = 4;
export type ThreadStatus = 0 | 1 | 2 | 3 | 4;

/** Something a thread can wait for, which may name who holds it (for wait-for graphs). */
export interface Resource {
  /** A short name: "Lock-1", "Thread-2 (worker)". */
  _label(): string;
  /** The threads holding it, when that is known (a lock's owner, a joined thread). */
  _holders(): readonly SimThread[];
}

/** A FIFO line of blocked threads (the threads' parking lot). */
export class WaitQueue {
  readonly threads: SimThread[] = [];

  get length(): number {
    return this.threads.length;
  }

  shift(): SimThread | undefined {
    return this.threads.shift();
  }

  remove(t: SimThread): void {
    const i = this.threads.indexOf(t);
    if (i >= 0) this.threads.splice(i, 1);
  }
}

/** How an Op acts on the thread that awaited it: resume it, block it, or give it CPU work. */
export type OpExec = (k: Kernel, t: SimThread, a: unknown, b: unknown) => void;

/**
 * An Op's label ("count.load()"), for messages: a string, or made from the Op's first argument
 * only when a message needs it (most Ops are never named: a string built per call cost ~5% of a
 * preemption point in QuickJS).
 */
export type OpLabel = string | ((a: never) => string);

/**
 * An awaited runtime call: what a thread yields at a preemption point. One is made per call, so
 * it is made as cheaply as QuickJS allows: a base class whose prototype inherits Suspend's (no
 * super() call), `kind` on the prototype, fields assigned once in the constructor.
 */
export class Op {
  /** "op", on the prototype: an Op is a Suspend (its prototype inherits Suspend's, below). */
  declare readonly kind: string;
  declare readonly exec: OpExec;
  declare readonly a: unknown;
  declare readonly b: unknown;
  declare done: boolean;
  declare readonly _label: OpLabel;

  constructor(label: OpLabel, exec: OpExec, a?: unknown, b?: unknown) {
    this._label = label;
    this.exec = exec;
    this.a = a;
    this.b = b;
    this.done = false;
  }

  /** What the call was, as the program wrote it: "count.load()". */
  get label(): string {
    const label = this._label;
    return typeof label === "string" ? label : label(this.a as never);
  }

  toString(): string {
    return `<blocking call ${this.label}>`;
  }
}
Object.setPrototypeOf(Op.prototype, Suspend.prototype);
Object.defineProperty(Op.prototype, "kind", { value: "op" });

/** A simulated process: its own GIL, memory (realm) and threads. */
export class SimProcess {
  readonly pid: number;
  name: string;
  daemon = false;
  /** The thread holding this process's GIL for a CPU slice, if any. */
  gil: SimThread | null = null;
  cpuNs = 0;
  liveThreads = 0;
  exitcode: number | null = null;
  main: SimThread | null = null;
  readonly joiners = new WaitQueue();
  /** The module this process's code imports (a child's own, for spawn semantics). */
  module: unknown = null;
  /** Threads spawned in this process so far (Thread-N names). */
  threadCounter = 0;
  /** True while a spawned child imports the program (its bootstrapping phase). */
  importing = false;
  /** time.sleep()/work() made at the top level while importing: the main thread blocks in them next. */
  importBlocking: Op[] = [];

  constructor(pid: number, name: string) {
    this.pid = pid;
    this.name = name;
  }
}

/**
 * A simulated thread. Invariants: `frames` is empty until the first step; a BLOCKED thread has
 * `wait` set and sits in at most one WaitQueue (`queue`); `timer` is set only while a timeout
 * or sleep is pending; `value`/`isThrow` are what the next step resumes it with.
 */
export class SimThread implements Resource {
  readonly id: number;
  name: string;
  readonly process: SimProcess;
  readonly host: boolean;
  daemon: boolean;
  readonly frames: Coroutine[] = [];
  entry: Coroutine | null;
  status: ThreadStatus = NEW;
  value: unknown = undefined;
  isThrow = false;
  wait: string | null = null;
  waitsFor: Resource | null = null;
  queue: WaitQueue | null = null;
  timer: Handle | null = null;
  timeoutValue: unknown = false;
  cpuLeft = 0;
  /** The CPU slice it runs now, and on which core (-1: none). */
  slice = 0;
  core = -1;
  /** CPU it has run since it took the GIL, in slices it went on with because nobody waited (ns). */
  sliceRun = 0;
  /** A blocking call made without await yet (reported if the thread moves on without it). */
  unawaited: Coroutine | Op | null = null;
  readonly joiners = new WaitQueue();
  /** Locks it holds, for deadlock reports. */
  readonly holds: Resource[] = [];
  readonly ts: ThreadState;
  failed = false;
  error: unknown = undefined;
  result: unknown = undefined;
  /** Called when the thread ends (executors, processes). */
  onExit: ((t: SimThread) => void) | null = null;
  /** The Thread object a program sees (current_thread()). */
  facade: unknown = null;

  constructor(
    id: number,
    name: string,
    process: SimProcess,
    host: boolean,
    daemon: boolean,
    entry: Coroutine | null,
    ts: ThreadState,
  ) {
    this.id = id;
    this.name = name;
    this.process = process;
    this.host = host;
    this.daemon = daemon;
    this.entry = entry;
    this.ts = ts;
  }

  _label(): string {
    return this.name;
  }

  _holders(): readonly SimThread[] {
    return this.status === DONE ? [] : [this];
  }
}

export function isFresh(x: Coroutine | Op): boolean {
  return x instanceof Coroutine ? x._state === 0 : !x.done;
}

function callName(x: Coroutine | Op): string {
  return x instanceof Coroutine ? `${x.__name__}()` : x.label;
}

export function unawaitedError(x: Coroutine | Op, t: SimThread): RuntimeError {
  return new RuntimeError(
    `${callName(x)} was called without await in thread '${t.name}': inside a thread, blocking calls ` +
      `must be awaited (write "await ${callName(x)}")`,
  );
}
