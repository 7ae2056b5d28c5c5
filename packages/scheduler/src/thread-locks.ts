/**
 * threading.Lock, RLock and Condition over the kernel's wait queues.
 *
 * Waiters line up in FIFO order and release() hands the lock straight to the first one (so a
 * run is deterministic and nobody starves); CPython's locks are not fair, which matters only
 * for timing, never for what a correct program computes. Every acquire is a preemption point;
 * release() is not (it never blocks). Python's `with lock:` is `await lock.with(async () =>
 * { ... })`, or acquire() and release() in try/finally.
 */

import { waitIn } from "./blocking";
import { Coroutine } from "./coroutine";
import { pyClassName, pythonName, RuntimeError } from "./errors";
import { currentKernel, type Kernel } from "./kernel";
import { callUser, perform, performBody } from "./perform";
import { Op, type Resource, type SimThread, WaitQueue } from "./sim-thread";
import { timeoutNs } from "./threads";

/** Statistics of a threading lock. */
export interface ThreadLockStatistics {
  locked: boolean;
  /** The thread holding it, or null. */
  owner: string | null;
  /** Threads waiting to acquire it. */
  waiting: number;
  /** Recursion level (RLock only; 1 or 0 for Lock). */
  count: number;
}

interface AcquireArgs {
  blocking: boolean;
  timeout: number | null;
}

/** acquire()'s arguments when none are given (most calls): one object for them all. */
const WAIT_FOREVER: AcquireArgs = Object.freeze({ blocking: true, timeout: null });
const acquireLabel = (lock: { _name: string }) => `${lock._name}.acquire()`;

function acquireExec(k: Kernel, t: SimThread, lock: unknown, args: unknown): void {
  const l = lock as BaseLock;
  const a = args as AcquireArgs;
  if (l._owner === null) {
    l._grant(k, t);
    k.resume(t, true);
  } else if (l instanceof RLock && l._owner === t) {
    l._count++;
    k.resume(t, true);
  } else if (!a.blocking) k.resume(t, false);
  else k.block(t, l._waiters, acquireLabel(l), l, a.timeout, false);
}

function* withBody(lock: BaseLock, fn: () => unknown): Generator<unknown, unknown, unknown> {
  yield lock.acquire();
  try {
    const r = callUser(fn);
    return r instanceof Coroutine ? yield r : r;
  } finally {
    lock.release();
  }
}

/** What Lock and RLock share: an owner, a count, a FIFO line of waiters. */
abstract class BaseLock implements Resource {
  _owner: SimThread | null = null;
  _count = 0;
  readonly _waiters = new WaitQueue();
  readonly _name: string;

  constructor(kind: string) {
    this._name = `${kind}-${currentKernel().nextId("lock")}`;
  }

  /**
   * Acquires the lock; with blocking=false or a timeout (seconds), may give up and return false.
   * Awaited inside a thread.
   */
  acquire(blocking = true, timeout: number | null = -1): boolean {
    if (!blocking && timeout !== null && timeout !== -1) {
      throw new RuntimeError("can't specify a timeout for a non-blocking call");
    }
    const args: AcquireArgs =
      blocking === true && timeout === -1 ? WAIT_FOREVER : { blocking, timeout: timeoutNs(timeout) };
    return perform<boolean>(new Op(acquireLabel, acquireExec, this, args));
  }

  /** Runs `fn` holding the lock (Python's `with lock:`); returns what it returns. */
  with<R>(fn: () => R | Coroutine<R>): R {
    return performBody<R>("with", withBody as never, this, fn);
  }

  /** True if some thread holds the lock. */
  locked(): boolean {
    return this._owner !== null;
  }

  /** Who holds it and who waits. */
  statistics(): ThreadLockStatistics {
    return {
      locked: this._owner !== null,
      owner: this._owner?.name ?? null,
      waiting: this._waiters.length,
      count: this._count,
    };
  }

  _grant(k: Kernel, t: SimThread): void {
    this._owner = t;
    this._count = 1;
    t.holds.push(this);
    if (k.world.tracing) k.trace("acquire", t, this._name);
  }

  /** Lets go completely and hands the lock to the first waiter. */
  _handOff(k: Kernel): void {
    const owner = this._owner!;
    const i = owner.holds.indexOf(this);
    if (i >= 0) owner.holds.splice(i, 1);
    if (k.world.tracing) k.trace("release", k.current, this._name);
    this._owner = null;
    this._count = 0;
    const next = this._waiters.shift();
    if (next !== undefined) {
      this._grant(k, next);
      k.wake(next, true);
    }
  }

  _label(): string {
    return this._name;
  }

  _holders(): readonly SimThread[] {
    return this._owner === null ? [] : [this._owner];
  }

  abstract release(): void;

  /** Releases fully for Condition.wait; returns what _restore needs. */
  abstract _releaseSave(k: Kernel): number;

  toString(): string {
    const state = this._owner === null ? "unlocked" : "locked";
    return `<${pyClassName(this.constructor)} ${this._name} [${state}]>`;
  }
}

/** A mutual-exclusion lock (threading.Lock); any thread may release it. */
export class Lock extends BaseLock {
  constructor() {
    super("Lock");
  }

  /** Releases the lock. @throws RuntimeError if it is not locked. */
  release(): void {
    if (this._owner === null) throw new RuntimeError("release unlocked lock");
    this._handOff(currentKernel());
  }

  _releaseSave(k: Kernel): number {
    this._handOff(k);
    return 1;
  }
}

/** A reentrant lock (threading.RLock): its owner may acquire it again. */
export class RLock extends BaseLock {
  constructor() {
    super("RLock");
  }

  /** Releases one level. @throws RuntimeError if the caller does not own it. */
  release(): void {
    const k = currentKernel();
    if (this._owner !== k.current) throw new RuntimeError("cannot release un-acquired lock");
    if (--this._count === 0) this._handOff(k);
  }

  _releaseSave(k: Kernel): number {
    const n = this._count;
    this._handOff(k);
    return n;
  }
}

function* condWait(c: Condition, timeout: number | null): Generator<unknown, boolean, unknown> {
  const k = currentKernel();
  const lock = c._lock;
  if (lock._owner !== k.current) throw new RuntimeError("cannot wait on un-acquired lock");
  const saved = lock._releaseSave(k);
  let notified = false;
  try {
    notified = (yield waitIn(c._waiters, "Condition.wait()", null, timeout)) === true;
  } finally {
    yield lock.acquire();
    lock._count = saved;
  }
  return notified;
}

function* condWaitFor(
  c: Condition,
  predicate: () => unknown,
  timeout: number | null,
): Generator<unknown, unknown, unknown> {
  const k = currentKernel();
  const deadline = timeout === null ? null : k.world.clock.now + timeout;
  let result = callUser(predicate);
  while (!result) {
    if (deadline !== null) {
      const left = deadline - k.world.clock.now;
      if (left <= 0) break;
      yield* condWait(c, left);
    } else yield* condWait(c, null);
    result = callUser(predicate);
  }
  return result;
}

/** A condition variable (threading.Condition), over an RLock unless given a lock. */
export class Condition {
  readonly _lock: BaseLock;
  readonly _waiters = new WaitQueue();

  constructor(lock: Lock | RLock | null = null) {
    this._lock = lock ?? new RLock();
  }

  /** Acquires the underlying lock. */
  acquire(blocking = true, timeout: number | null = -1): boolean {
    return this._lock.acquire(blocking, timeout);
  }

  /** Releases the underlying lock. */
  release(): void {
    this._lock.release();
  }

  /** Runs `fn` holding the underlying lock. */
  with<R>(fn: () => R | Coroutine<R>): R {
    return this._lock.with(fn);
  }

  /**
   * Releases the lock, waits for notify() or `timeout` seconds, re-acquires the lock; false
   * on timeout. @throws RuntimeError if the caller does not hold the lock.
   */
  wait(timeout: number | null = null): boolean {
    return performBody<boolean>("wait", condWait as never, this, timeoutNs(timeout));
  }

  /** Waits until `predicate()` is truthy (checked under the lock); returns its last value. */
  wait_for<R>(predicate: () => R, timeout: number | null = null): R {
    return performBody<R>("wait_for", condWaitFor as never, this, predicate, timeoutNs(timeout));
  }

  /** Wakes up to `n` waiting threads. @throws RuntimeError if the caller does not hold the lock. */
  notify(n = 1): void {
    const k = currentKernel();
    if (this._lock._owner !== k.current) throw new RuntimeError("cannot notify on un-acquired lock");
    for (let i = 0; i < n; i++) {
      const t = this._waiters.shift();
      if (t === undefined) break;
      k.wake(t, true);
    }
  }

  /** Wakes every waiting thread. */
  notify_all(): void {
    this.notify(Number.POSITIVE_INFINITY);
  }

  /** The lock's statistics and how many threads wait to be notified. */
  statistics(): ThreadLockStatistics & { notifyWaiting: number } {
    return { ...this._lock.statistics(), notifyWaiting: this._waiters.length };
  }

  toString(): string {
    return `<Condition(${this._lock.toString()}, ${this._waiters.length})>`;
  }
}

pythonName(Lock, "Lock");
pythonName(RLock, "RLock");
