/**
 * threading.Semaphore, BoundedSemaphore, Event and Barrier over the kernel's wait queues.
 * Waiters wake in FIFO order; a released permit goes straight to the first waiter.
 */
import { pass, waitIn } from "./blocking";
import { Coroutine } from "./coroutine";
import { BrokenBarrierError, pyClassName, pythonName, ValueError } from "./errors";
import { currentKernel, type Kernel } from "./kernel";
import { callUser, perform, performBody } from "./perform";
import { Op, type SimThread, WaitQueue } from "./sim-thread";
import { timeoutNs } from "./threads";

interface AcquireArgs {
  blocking: boolean;
  timeout: number | null;
}

const semAcquireLabel = (sem: { _name: string }) => `${sem._name}.acquire()`;

function semAcquireExec(k: Kernel, t: SimThread, sem: unknown, args: unknown): void {
  const s = sem as Semaphore;
  const a = args as AcquireArgs;
  if (s._value > 0) {
    s._value--;
    k.resume(t, true);
  } else if (!a.blocking) k.resume(t, false);
  else k.block(t, s._waiters, semAcquireLabel(s), null, a.timeout, false);
}

function* semWith(s: Semaphore, fn: () => unknown): Generator<unknown, unknown, unknown> {
  yield s.acquire();
  try {
    const r = callUser(fn);
    return r instanceof Coroutine ? yield r : r;
  } finally {
    s.release();
  }
}

/** A counter of permits (threading.Semaphore). */
export class Semaphore {
  _value: number;
  readonly _waiters = new WaitQueue();
  readonly _name: string;

  /** @throws ValueError if `value` is negative. */
  constructor(value = 1) {
    if (value < 0) throw new ValueError("semaphore initial value must be >= 0");
    this._value = value;
    this._name = `${pyClassName(this.constructor)}-${currentKernel().nextId("semaphore")}`;
  }

  /** Takes a permit, waiting for one unless blocking=false; false if none came in `timeout`. */
  acquire(blocking = true, timeout: number | null = null): boolean {
    if (!blocking && timeout !== null) throw new ValueError("can't specify timeout for non-blocking acquire");
    const args: AcquireArgs = { blocking, timeout: timeoutNs(timeout) };
    return perform<boolean>(new Op(semAcquireLabel, semAcquireExec, this, args));
  }

  /** Gives back `n` permits, waking waiters first. */
  release(n = 1): void {
    if (n < 1) throw new ValueError("n must be one or more");
    const k = currentKernel();
    for (let i = 0; i < n; i++) {
      const t = this._waiters.shift();
      if (t === undefined) this._value++;
      else k.wake(t, true);
    }
  }

  /** Runs `fn` holding a permit (Python's `with sem:`); returns what it returns. */
  with<R>(fn: () => R | Coroutine<R>): R {
    return performBody<R>("with", semWith as never, this, fn);
  }

  /** Permits left and threads waiting. */
  statistics(): { value: number; waiting: number } {
    return { value: this._value, waiting: this._waiters.length };
  }

  toString(): string {
    return `<${pyClassName(this.constructor)} ${this._name} value=${this._value}>`;
  }
}

/** A semaphore that refuses to be released above its initial value (threading.BoundedSemaphore). */
export class BoundedSemaphore extends Semaphore {
  readonly _initial: number;

  constructor(value = 1) {
    super(value);
    this._initial = value;
  }

  /** @throws ValueError if that would exceed the initial value. */
  override release(n = 1): void {
    if (this._value + n > this._initial) throw new ValueError("Semaphore released too many times");
    super.release(n);
  }
}

function eventWaitExec(k: Kernel, t: SimThread, event: unknown, timeout: unknown): void {
  const e = event as Event;
  if (e._flag) k.resume(t, true);
  else k.block(t, e._waiters, "Event.wait()", null, timeout as number | null, false);
}

/** A flag threads can wait for (threading.Event). */
export class Event {
  _flag = false;
  readonly _waiters = new WaitQueue();

  /** True if the flag is set. */
  is_set(): boolean {
    return this._flag;
  }

  /** Sets the flag and wakes every waiter. */
  set(): void {
    this._flag = true;
    const k = currentKernel();
    for (let t = this._waiters.shift(); t !== undefined; t = this._waiters.shift()) k.wake(t, true);
  }

  /** Clears the flag. */
  clear(): void {
    this._flag = false;
  }

  /** Waits until the flag is set or `timeout` seconds pass; returns the flag. */
  wait(timeout: number | null = null): boolean {
    return perform<boolean>(new Op("Event.wait()", eventWaitExec, this, timeoutNs(timeout)));
  }

  /** The flag and how many threads wait for it. */
  statistics(): { set: boolean; waiting: number } {
    return { set: this._flag, waiting: this._waiters.length };
  }

  toString(): string {
    return `<Event ${this._flag ? "set" : "unset"}>`;
  }
}

const BROKEN = "broken";

function* barrierWait(b: Barrier, timeout: number | null): Generator<unknown, number, unknown> {
  yield pass("Barrier.wait()", undefined);
  if (b._broken) throw new BrokenBarrierError("");
  const index = b._count++;
  if (index + 1 === b._parties) {
    try {
      const action = b._action;
      if (action !== null) callUser(action);
    } catch (e) {
      b._break();
      throw e;
    }
    b._count = 0;
    const k = currentKernel();
    for (let t = b._waiters.shift(); t !== undefined; t = b._waiters.shift()) k.wake(t, true);
    return index;
  }
  const woke = yield waitIn(b._waiters, "Barrier.wait()", null, timeout ?? b._timeout);
  if (woke === BROKEN) throw new BrokenBarrierError("");
  if (woke !== true) {
    b._break();
    throw new BrokenBarrierError("");
  }
  return index;
}

/** `parties` threads wait until all have arrived, then all go on (threading.Barrier). */
export class Barrier {
  readonly _parties: number;
  readonly _action: (() => unknown) | null;
  readonly _timeout: number | null;
  _count = 0;
  _broken = false;
  readonly _waiters = new WaitQueue();

  /** @throws ValueError if parties < 1. */
  constructor(parties: number, action: (() => unknown) | null = null, timeout: number | null = null) {
    if (!(parties >= 1)) throw new ValueError("parties must be >= 1");
    this._parties = parties;
    this._action = action;
    this._timeout = timeoutNs(timeout);
  }

  /** Waits for all parties; returns this thread's arrival index (0 .. parties-1). */
  wait(timeout: number | null = null): number {
    return performBody<number>("wait", barrierWait as never, this, timeoutNs(timeout));
  }

  /** Puts the barrier back to empty; threads waiting get BrokenBarrierError. */
  reset(): void {
    this._break();
    this._broken = false;
  }

  /** Breaks the barrier: waiting threads and later wait() calls get BrokenBarrierError. */
  abort(): void {
    this._break();
  }

  /** The number of threads needed. */
  get parties(): number {
    return this._parties;
  }

  /** Threads waiting now. */
  get n_waiting(): number {
    return this._waiters.length;
  }

  /** True once broken (by abort, a timeout or a failing action). */
  get broken(): boolean {
    return this._broken;
  }

  /** Parties, waiting threads, broken. */
  statistics(): { parties: number; waiting: number; broken: boolean } {
    return { parties: this._parties, waiting: this._waiters.length, broken: this._broken };
  }

  _break(): void {
    this._broken = true;
    this._count = 0;
    const k = currentKernel();
    for (let t = this._waiters.shift(); t !== undefined; t = this._waiters.shift()) k.wake(t, BROKEN);
  }

  toString(): string {
    return `<Barrier parties=${this._parties} waiting=${this._waiters.length}${this._broken ? " broken" : ""}>`;
  }
}

pythonName(Semaphore, "Semaphore");
pythonName(BoundedSemaphore, "BoundedSemaphore");
