/**
 * The kernel: simulated threads and processes sharing one virtual clock.
 *
 * A simulated thread is a stack of coroutines (its target is an async function), stepped from
 * one preemption point to the next: a step resumes the stack until it yields an Op (an awaited
 * runtime call: a shared-cell load, a lock acquire, a sleep, CPU work), and the Op sets the
 * thread's state: runnable again with a value, blocked in a wait queue (maybe with a timeout),
 * or waiting for CPU. The main thread of the main process is the host's own stack (the module's
 * top level), so its blocking calls run the kernel loop, `schedule()`, until the main thread
 * may go on, as a Python main thread blocks in join(). At every preemption point the strategy
 * picks which runnable thread runs; every pick among two or more is recorded, so a run replays
 * exactly (loom's idea). When nothing can run, the clock jumps to the next timer (a sleep, a
 * timeout, the end of a CPU slice); with no timer either, it is a deadlock, and the wait-for
 * graph says why (deadlock.ts).
 *
 * CPU time and the GIL live in cpu.ts. Left out on purpose: preemption inside the main thread's
 * event loop (its tasks switch only at awaits, as in asyncio; other threads run while the loop
 * waits for a timer or for them), signals, thread-local storage.
 */

import { secondsToNs } from "./clock";
import { type Coroutine, drive, RETURNED, SLEEP0, THREW } from "./coroutine";
import { Cpu } from "./cpu";
import { type DeadlockInfo, describeDeadlock } from "./deadlock";
import { RunAborted, RuntimeError } from "./errors";
import { Future } from "./future";
import { Handle, TimerHeap } from "./handle";
import type { EventLoop } from "./loop";
import type { RunResult, TraceKind } from "./result";
import {
  BLOCKED,
  DONE,
  isFresh,
  Op,
  type Resource,
  RUNNABLE,
  SimProcess,
  SimThread,
  unawaitedError,
  type WaitQueue,
} from "./sim-thread";
import { PctStrategy } from "./strategies/pct";
import { RandomStrategy } from "./strategies/random";
import { ReplayStrategy } from "./strategies/replay";
import { RoundRobin } from "./strategies/round-robin";
import type { ChoicePoint, Strategy, StrategySpec } from "./strategies/strategy";
import { DEFAULT_CORES, DEFAULT_SWITCH_INTERVAL, type ThreadOptions } from "./thread-options";
import { ambient, currentWorld, type ThreadHooks, type ThreadState, type World } from "./world";

// Timer callbacks find the kernel through the run, not through their handle's arguments: a
// program reaches handles (a lock's owner's timer), and a kernel there would lead it to the
// run's record.
function timeoutFire(thread: unknown): void {
  const t = thread as SimThread;
  t.timer = null;
  t.queue?.remove(t);
  currentKernel().resume(t, t.timeoutValue, false);
}

function makeStrategy(spec: StrategySpec | undefined, seed: number): Strategy {
  if (spec === undefined) return new RoundRobin();
  switch (spec.kind) {
    case "round-robin":
      return new RoundRobin(spec.opsPerSwitch);
    case "random":
      return new RandomStrategy(spec.seed ?? seed);
    case "pct":
      return new PctStrategy(spec.seed ?? seed, spec.depth, spec.steps);
    case "replay":
      return new ReplayStrategy(spec.choices, spec.name);
    case "custom":
      return spec.strategy;
  }
}

/** The kernel of `world`, created (and plugged into the world as its hooks) on first use. */
export function kernelFor(world: World): Kernel {
  // The kernel is the only ThreadHooks there is: a null check, not an instanceof (every
  // runtime call a thread makes asks for its kernel).
  const hooks = world.hooks;
  if (hooks !== null) return hooks as Kernel;
  const k = new Kernel(world, world.threadOptions);
  world.hooks = k;
  return k;
}

/** The kernel of `world` if the program has used threads or processes, else null. */
export function kernelIfAny(world: World): Kernel | null {
  const hooks = world.hooks;
  return hooks instanceof Kernel ? hooks : null;
}

/** The kernel of the run in progress. */
export function currentKernel(): Kernel {
  // Inline for the usual case (every runtime call a thread makes): the run's kernel exists.
  const w = ambient.world;
  if (w !== null && w.hooks !== null) return w.hooks as Kernel;
  return kernelFor(currentWorld());
}

/** Threads and processes of one run. */
export class Kernel implements ThreadHooks {
  readonly world: World;
  readonly strategy: Strategy;
  readonly cpu: Cpu;
  readonly options: ThreadOptions;
  readonly timers = new TimerHeap();
  #timerSeq = 0;
  /** Threads not finished, in id order. */
  readonly live: SimThread[] = [];
  readonly processes: SimProcess[] = [];
  readonly mainProcess: SimProcess;
  readonly main: SimThread;
  /** The thread whose code runs now. */
  current: SimThread;
  /** The thread that ran last. */
  last: SimThread | null = null;
  readonly choices: number[] = [];
  points = 0;
  contextSwitches = 0;
  threadCount = 0;
  deadlockInfo: DeadlockInfo | null = null;
  /** The main thread's event loop while it waits for a timer or another thread. */
  idleLoop: EventLoop | null = null;
  /** > 0 while the host drives a blocking call's coroutine (performBody): calls return Ops. */
  driving = 0;
  readonly #counters = new Map<string, number>();
  readonly #cands: SimThread[] = [];
  readonly #point: { candidates: SimThread[]; currentRunnable: boolean; step: number };

  constructor(world: World, options: ThreadOptions = {}) {
    this.world = world;
    this.options = options;
    this.strategy = makeStrategy(options.strategy, world.seed);
    this.cpu = new Cpu(
      this,
      options.cores ?? DEFAULT_CORES,
      secondsToNs(options.switchInterval ?? DEFAULT_SWITCH_INTERVAL),
    );
    this.mainProcess = this.newProcess("MainProcess");
    this.main = this.newThread("MainThread", this.mainProcess, true, false, null, world.mainThread);
    this.main.status = RUNNABLE;
    this.live.push(this.main);
    this.mainProcess.liveThreads = 1;
    this.mainProcess.main = this.main;
    this.current = this.main;
    this.last = this.main;
    this.#point = { candidates: this.#cands, currentRunnable: false, step: 0 };
  }

  /** The next number for objects of `kind` in this run (Lock-1, Lock-2 ...). */
  nextId(kind: string): number {
    const n = (this.#counters.get(kind) ?? 0) + 1;
    this.#counters.set(kind, n);
    return n;
  }

  /** A new process (not started). */
  newProcess(name: string): SimProcess {
    const p = new SimProcess(1000 + this.processes.length, name);
    this.processes.push(p);
    return p;
  }

  /** A new thread of `process`, not started unless it is a host thread. */
  newThread(
    name: string,
    process: SimProcess,
    host: boolean,
    daemon: boolean,
    entry: Coroutine | null,
    ts: ThreadState = { name, loop: null },
  ): SimThread {
    const t = new SimThread(++this.threadCount, name, process, host, daemon, entry, ts);
    this.strategy.onSpawn?.(t.id);
    return t;
  }

  /** Makes a new thread runnable. */
  start(t: SimThread): void {
    t.status = RUNNABLE;
    t.process.liveThreads++;
    this.live.push(t);
    this.trace("spawn", t, t.entry === null ? undefined : `${t.entry.__name__}()`);
  }

  /** Arms a timer: `fn(a, b)` at virtual time `whenNs`. */
  timerAt(whenNs: number, fn: (a: unknown, b: unknown) => void, a: unknown, b: unknown): Handle {
    const h = new Handle(fn, a, b, whenNs, this.#timerSeq++, null);
    h._scheduled = true;
    this.timers.push(h);
    return h;
  }

  /** Makes `t` runnable; its next step resumes with `value` (thrown if `isThrow`). */
  resume(t: SimThread, value: unknown, isThrow = false): void {
    t.status = RUNNABLE;
    t.value = value;
    t.isThrow = isThrow;
    t.wait = null;
    t.waitsFor = null;
    t.queue = null;
  }

  /** Wakes a blocked thread (it was taken out of its queue by the caller). */
  wake(t: SimThread, value: unknown): void {
    if (t.timer !== null) {
      t.timer.cancel();
      t.timer = null;
    }
    if (this.world.tracing) this.trace("wake", t, t.wait ?? undefined);
    this.resume(t, value, false);
  }

  /**
   * Blocks `t` in `queue` (if any) waiting for `what`; after `timeoutNs` (if not null) it is
   * taken out and resumed with `timeoutValue`.
   */
  block(
    t: SimThread,
    queue: WaitQueue | null,
    what: string,
    resource: Resource | null,
    timeoutNs: number | null = null,
    timeoutValue?: unknown,
  ): void {
    t.status = BLOCKED;
    t.wait = what;
    t.waitsFor = resource;
    t.queue = queue;
    queue?.threads.push(t);
    if (timeoutNs !== null && timeoutNs !== Number.POSITIVE_INFINITY) {
      t.timeoutValue = timeoutValue;
      t.timer = this.timerAt(this.world.clock.now + Math.max(0, timeoutNs), timeoutFire, t, undefined);
    }
    if (this.world.tracing) this.trace("block", t, what);
  }

  /** The calling thread for a runtime call: a simulated thread, or the host's main thread. */
  runsInThread(): SimThread | null {
    const t = this.current;
    return t.host || this.world.currentTask !== null ? null : t;
  }

  /** Runs `op` for the host's main thread: the op, then a preemption point. */
  hostRun(op: Op): unknown {
    const main = this.main;
    const w = this.world;
    const before = w.clock.now;
    op.done = true;
    op.exec(this, main, op.a, op.b);
    this.schedule();
    if (w.currentTask !== null && w.clock.now > before) {
      const task = w.currentTask;
      w.warn(
        "blocking-call",
        `${op.label} blocked the event loop for ${((w.clock.now - before) / 1e9).toFixed(3)} seconds in ` +
          `${task.toString()}: no other task could run meanwhile.`,
        task._name,
      );
    }
    const v = main.value;
    const thrown = main.isThrow;
    main.value = undefined;
    main.isThrow = false;
    if (thrown) throw v;
    return v;
  }

  /** Runs other threads until the main thread can go on and is chosen to. */
  schedule(): void {
    const w = this.world;
    const main = this.main;
    const point = this.#point;
    for (;;) {
      if (w.aborted !== null) throw w.aborted;
      // A thread that blocked is no longer the running one, even once it is woken.
      if (this.last !== null && this.last.status !== RUNNABLE) this.last = null;
      const cands = this.#candidates();
      const n = cands.length;
      if (n === 0) {
        this.#advance();
        continue;
      }
      let t = cands[0]!;
      point.step = ++this.points;
      if (n > 1) {
        const i = this.strategy.choose(point as ChoicePoint);
        this.choices.push(i);
        t = cands[i] ?? t;
      }
      if (t !== this.last) {
        this.contextSwitches++;
        this.last = t;
        if (w.tracing) this.trace("run", t);
      }
      if (t === main) return;
      this.#step(t);
    }
  }

  #candidates(): SimThread[] {
    const out = this.#cands;
    out.length = 0;
    const last = this.last;
    const lastRunnable = last !== null && last.status === RUNNABLE;
    if (lastRunnable) out.push(last);
    const live = this.live;
    for (let i = 0; i < live.length; i++) {
      const t = live[i]!;
      if (t.status === RUNNABLE && t !== last) out.push(t);
    }
    this.#point.currentRunnable = lastRunnable;
    return out;
  }

  /** Nothing can run: jump to the next timer and fire what is due, or report a deadlock. */
  #advance(): void {
    const timers = this.timers;
    let top = timers.peek();
    while (top?._cancelled) {
      timers.pop();
      top = timers.peek();
    }
    if (top === undefined) this.#deadlock();
    const w = this.world;
    w.advanceTo(top._when);
    const now = w.clock.now;
    for (top = timers.peek(); top !== undefined && top._when <= now; top = timers.peek()) {
      timers.pop();
      top._scheduled = false;
      if (!top._cancelled) top._fn(top._a, top._b);
    }
  }

  #step(t: SimThread): void {
    const w = this.world;
    if (++w.steps > w.maxSteps) w.stepLimit(); // World.tick(), inline: every preemption point
    this.current = t;
    w.thread = t.ts;
    let kind: number;
    let value: unknown;
    try {
      if (t.frames.length === 0) {
        const entry = t.entry!;
        entry._start();
        t.frames.push(entry);
      }
      const out = drive(w, t.frames, t.value, t.isThrow);
      kind = out.kind;
      value = out.value;
    } catch (e) {
      if (e instanceof RunAborted) throw e;
      kind = THREW;
      value = e;
    } finally {
      this.current = this.main;
      w.thread = this.main.ts;
    }
    if (w.aborted !== null) throw w.aborted;
    t.value = undefined;
    t.isThrow = false;
    if (kind === RETURNED || kind === THREW) this.#exit(t, kind, value);
    else this.#suspend(t, value);
  }

  #suspend(t: SimThread, y: unknown): void {
    const pending = t.unawaited;
    if (pending !== null) {
      t.unawaited = null;
      if (pending !== y && isFresh(pending)) {
        this.resume(t, unawaitedError(pending, t), true);
        return;
      }
    }
    if (y instanceof Op) {
      y.done = true;
      y.exec(this, t, y.a, y.b);
    } else if (y === SLEEP0) this.resume(t, undefined);
    else if (y instanceof Future) {
      const err = new RuntimeError(
        `thread '${t.name}' awaited an asyncio future; asyncio futures belong to an event loop (use asyncio.run in the main thread)`,
      );
      this.resume(t, err, true);
    } else
      this.resume(
        t,
        new TypeError(`thread '${t.name}' awaited ${String(y)}, which is not a runtime call`),
        true,
      );
  }

  #exit(t: SimThread, kind: number, value: unknown): void {
    const w = this.world;
    t.status = DONE;
    const i = this.live.indexOf(t);
    if (i >= 0) this.live.splice(i, 1);
    if (t.unawaited !== null && isFresh(t.unawaited)) {
      w.warn("unawaited-call", unawaitedError(t.unawaited, t).message, null);
    }
    t.unawaited = null;
    if (kind === THREW) {
      t.failed = true;
      t.error = value;
      if (t.onExit === null) {
        const what = value instanceof Error ? `${value.name}: ${value.message}` : String(value);
        const p = t.process;
        const who =
          p.main === t && p !== this.mainProcess ? `Process ${p.name}` : `Exception in thread ${t.name}`;
        w.warn("thread-exception", `${who}: ${what}`, null);
      }
    } else t.result = value;
    if (w.tracing) this.trace("exit", t, kind === THREW ? "raised" : "returned");
    for (let j = t.joiners.shift(); j !== undefined; j = t.joiners.shift()) this.wake(j, undefined);
    t.onExit?.(t);
    const p = t.process;
    if (--p.liveThreads === 0 && p !== this.mainProcess) {
      p.exitcode ??= p.main?.failed ? 1 : 0;
      if (w.tracing) this.trace("exit", t, `process ${p.name} exited with code ${p.exitcode}`);
      for (let j = p.joiners.shift(); j !== undefined; j = p.joiners.shift()) this.wake(j, undefined);
    }
  }

  /** Ends every thread of `p` where it stands (terminate()); the locks they hold stay held. */
  killProcess(p: SimProcess, exitcode: number): void {
    p.exitcode = exitcode;
    for (const t of [...this.live]) {
      if (t.process !== p) continue;
      t.queue?.remove(t);
      t.timer?.cancel();
      t.timer = null;
      this.cpu.cancel(t);
      t.onExit = null;
      this.#exit(t, RETURNED, undefined);
    }
  }

  #deadlock(): never {
    const info = describeDeadlock(this.live, this.idleLoop);
    this.deadlockInfo = info;
    this.world.deadlock = info.waiting;
    this.world.abort("deadlock", info.message);
  }

  /** Appends a trace event labelled with `t`'s thread and process. */
  trace(kind: TraceKind, t: SimThread, detail?: string, core?: number): void {
    const w = this.world;
    if (!w.tracing) return;
    const n = w.trace.length;
    w.record(kind, w.taskName(), detail);
    const e = w.trace[n];
    if (e === undefined) return;
    e.thread = t.name;
    e.tid = t.id;
    e.process = t.process.name;
    e.pid = t.process.pid;
    if (core !== undefined) e.core = core;
  }

  // ThreadHooks: how the rest of the runtime defers to the kernel once threads exist.

  loopIdle(loop: EventLoop, whenNs: number | null): void {
    const main = this.main;
    if (whenNs !== null && whenNs <= this.world.clock.now) {
      // A timer is due: no wait (select() with timeout 0), only a preemption point.
      this.schedule();
      return;
    }
    this.block(main, null, "the event loop (waiting for a timer or a thread)", null, null);
    if (whenNs !== null) main.timer = this.timerAt(whenNs, wakeMain, undefined, undefined);
    this.idleLoop = loop;
    try {
      this.schedule();
    } finally {
      this.idleLoop = null;
    }
  }

  /** A thread scheduled a callback on `loop` (call_soon_threadsafe): wake the loop's thread. */
  wakeLoop(loop: EventLoop): void {
    if (this.idleLoop === loop && this.main.status === BLOCKED) this.wake(this.main, undefined);
  }

  blockFor(kind: "sleep" | "cpu", ns: number): void {
    const main = this.main;
    if (kind === "cpu") this.cpu.request(main, ns);
    else this.block(main, null, `time.sleep(${ns / 1e9})`, null, ns, undefined);
    this.schedule();
  }

  /** Called when the program body returns, before waiting for threads (executors shut down). */
  readonly exitHooks: (() => void)[] = [];

  /** The body returned: wait for non-daemon threads (and child processes) to finish. */
  atExit(): void {
    for (const hook of this.exitHooks.splice(0)) hook();
    for (;;) {
      const t = this.live.find((x) => !x.host && !x.daemon && !x.process.daemon);
      if (t === undefined) return;
      this.block(this.main, t.joiners, `join(${t.name}) at exit`, t);
      this.schedule();
    }
  }

  threadName(): string | null {
    const t = this.current;
    if (t.process !== this.mainProcess) return `${t.process.name}/${t.name}`;
    return t.host ? null : t.name;
  }

  finish(result: RunResult): void {
    result.schedule = { strategy: this.strategy.name, seed: this.world.seed, choices: this.choices };
    result.stats.threads = this.threadCount;
    result.stats.processes = this.processes.length;
    result.stats.contextSwitches = this.contextSwitches;
    result.stats.preemptionPoints = this.points;
    result.stats.cpu = this.processes.map((p) => ({ process: p.name, pid: p.pid, seconds: p.cpuNs / 1e9 }));
    if (result.deadlock !== null && this.deadlockInfo !== null) {
      result.deadlock.threads = this.deadlockInfo.threads;
      result.deadlock.cycle = this.deadlockInfo.cycle;
    }
  }
}

function wakeMain(): void {
  const k = currentKernel();
  k.main.timer = null;
  k.wake(k.main, undefined);
}
