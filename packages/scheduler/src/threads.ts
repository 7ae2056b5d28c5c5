/**
 * threading.Thread and friends, over the kernel's simulated threads.
 *
 * A thread's target is an async function (or a plain function that never blocks): inside it,
 * blocking calls are awaited (`await t.join()`, `await lock.acquire()`, `await time.sleep(1)`).
 * At the module's top level the same calls are made without await and block the main thread,
 * running the other threads meanwhile, as in Python.
 */
import { secondsToNs } from "./clock";
import { Coroutine } from "./coroutine";
import { RuntimeError } from "./errors";
import { pyRepr } from "./format";
import { currentKernel, type Kernel, kernelFor } from "./kernel";
import { perform } from "./perform";
import { DONE, NEW, Op, type SimThread } from "./sim-thread";
import { ambient } from "./world";

/** What a Thread runs: its target with args (Python's Thread(target=..., args=..., ...)). */
export interface ThreadInit {
  target?: ((...args: never[]) => unknown) | null;
  args?: readonly unknown[];
  name?: string;
  daemon?: boolean | null;
}

function* runTarget(thread: Thread): Generator<unknown, unknown, unknown> {
  const r = thread.run();
  // An async target's coroutine, or a blocking runtime call given as the target (time.sleep).
  return r instanceof Coroutine || r instanceof Op ? yield r : r;
}

/** Seconds (null/undefined/negative: forever) as a timeout in ns, or null. */
export function timeoutNs(timeout: number | null | undefined): number | null {
  if (timeout === null || timeout === undefined || timeout < 0) return null;
  if (typeof timeout !== "number" || Number.isNaN(timeout)) throw new TypeError("timeout must be a number");
  return secondsToNs(timeout);
}

function joinExec(k: Kernel, t: SimThread, target: unknown, timeout: unknown): void {
  const sim = target as SimThread;
  if (sim === t) k.resume(t, new RuntimeError("cannot join current thread"), true);
  else if (sim.status === DONE) k.resume(t, undefined);
  else k.block(t, sim.joiners, `join(${sim.name})`, sim, timeout as number | null, undefined);
}

/** A blocking join of a kernel thread (executors joining their workers). */
export function joinThreadOp(t: SimThread): undefined {
  return perform<undefined>(new Op("join()", joinExec, t, null));
}

const wrapping = { on: false };

/**
 * CPython's name for an unnamed thread, given when it is created: "Thread-N (target)", with N
 * counted per process over unnamed threads only.
 */
function newThreadName(k: Kernel, target: ((...args: never[]) => unknown) | null): string {
  const n = ++k.current.process.threadCounter;
  return `Thread-${n}${target?.name ? ` (${target.name})` : ""}`;
}

/** A thread of control (threading.Thread). */
export class Thread {
  #sim: SimThread | null = null;
  #target: ((...args: never[]) => unknown) | null;
  #args: readonly unknown[];
  #name: string | null;
  #daemon: boolean | null;

  /** A thread that will call `target(...args)` once started. */
  constructor(init: ThreadInit = {}) {
    if (wrapping.on) {
      this.#target = null;
      this.#args = [];
      this.#name = null;
      this.#daemon = null;
      return;
    }
    if (init.target !== undefined && init.target !== null && typeof init.target !== "function") {
      throw new TypeError(`target must be a function, got ${pyRepr(init.target)}`);
    }
    this.#target = init.target ?? null;
    this.#args = [...(init.args ?? [])];
    const w = ambient.world; // outside a run, the thread is named at start()
    this.#name = init.name
      ? String(init.name)
      : w === null
        ? null
        : newThreadName(kernelFor(w), this.#target);
    this.#daemon = init.daemon ?? null;
  }

  /** The Thread object for a kernel thread (the main thread, a pool worker). */
  static _for(sim: SimThread): Thread {
    if (sim.facade instanceof Thread) return sim.facade;
    wrapping.on = true;
    let t: Thread;
    try {
      t = new Thread();
    } finally {
      wrapping.on = false;
    }
    t.#sim = sim;
    t.#name = sim.name;
    t.#daemon = sim.daemon;
    sim.facade = t;
    return t;
  }

  /** What the thread does: calls the target (override it in a subclass). */
  run(): unknown {
    const target = this.#target;
    if (target === null) return undefined;
    return (target as (...a: unknown[]) => unknown)(...this.#args);
  }

  /** Starts the thread. @throws RuntimeError if started twice. */
  start(): void {
    if (this.#sim !== null) throw new RuntimeError("threads can only be started once");
    const k = currentKernel();
    const parent = k.current;
    const p = parent.process;
    const targetName = this.#target?.name;
    const name = this.#name ?? newThreadName(k, this.#target);
    const daemon = this.#daemon ?? parent.daemon;
    const entry = new Coroutine(targetName || "run", runTarget as never, undefined, [this]);
    const sim = k.newThread(name, p, false, daemon, entry);
    sim.facade = this;
    this.#sim = sim;
    this.#name = name;
    this.#daemon = daemon;
    k.start(sim);
  }

  /**
   * Waits until the thread ends, or `timeout` seconds. Awaited inside a thread.
   * @throws RuntimeError if the thread was not started.
   */
  join(timeout: number | null = null): undefined {
    const sim = this.#sim;
    if (sim === null) throw new RuntimeError("cannot join thread before it is started");
    return perform<undefined>(new Op("Thread.join()", joinExec, sim, timeoutNs(timeout)));
  }

  /** True from start() until the target returns or raises. */
  is_alive(): boolean {
    return this.#sim !== null && this.#sim.status !== DONE && this.#sim.status !== NEW;
  }

  /** The thread's name (Thread-N (target) unless given). */
  get name(): string {
    return this.#name ?? "Thread";
  }

  set name(value: string) {
    this.#name = String(value);
    if (this.#sim !== null) this.#sim.name = this.#name;
  }

  /** The thread's identifier once started, else null. */
  get ident(): number | null {
    return this.#sim?.id ?? null;
  }

  /** The same as ident (Python's native_id). */
  get native_id(): number | null {
    return this.ident;
  }

  /** Daemon threads do not keep the program alive. @throws RuntimeError if set after start. */
  get daemon(): boolean {
    return this.#daemon ?? false;
  }

  set daemon(value: boolean) {
    if (this.#sim !== null) throw new RuntimeError("cannot set daemon status of active thread");
    this.#daemon = Boolean(value);
  }

  toString(): string {
    const sim = this.#sim;
    const state =
      sim === null ? "initial" : sim.status === DONE ? "stopped" : `started${this.daemon ? " daemon" : ""}`;
    const ident = sim === null ? "" : ` ${sim.id}`;
    return `<Thread(${this.name}, ${state}${ident})>`;
  }
}

/** The Thread object of the caller (threading.current_thread). */
export function current_thread(): Thread {
  return Thread._for(currentKernel().current);
}

/** The main thread of the calling process (threading.main_thread). */
export function main_thread(): Thread {
  const k = currentKernel();
  return Thread._for(k.current.process.main ?? k.main);
}

/** Live threads of the calling process, main thread included (threading.enumerate). */
export function enumerate(): Thread[] {
  const k = currentKernel();
  const p = k.current.process;
  const out: Thread[] = [];
  if (p === k.mainProcess) out.push(Thread._for(k.main));
  for (const t of k.live) if (t.process === p && !t.host) out.push(Thread._for(t));
  return out;
}

/** How many threads are alive in the calling process (threading.active_count). */
export function active_count(): number {
  return enumerate().length;
}

/** The caller's thread id (threading.get_ident). */
export function get_ident(): number {
  return currentKernel().current.id;
}
