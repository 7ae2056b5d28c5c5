/**
 * asyncio's synchronization primitives: Lock, Event, Condition, Semaphore, BoundedSemaphore.
 * Each is a port of CPython 3.11's asyncio/locks.py (same fast paths, same wake-up order,
 * same cancellation handling), with its waiters in a ParkingLot. Each adds statistics() (as
 * trio does) so a grader can assert on it, and knows who holds it, for deadlock reports.
 *
 * Python's `async with lock:` is `await lock.with(async () => { ... })` in JavaScript, or
 * `await lock.acquire(); try { ... } finally { lock.release(); }`.
 */
import { Coroutine } from "./coroutine";
import { CancelledError, RuntimeError, ValueError } from "./errors";
import { Future } from "./future";
import { ParkingLot } from "./parking-lot";
import type { Task } from "./task";
import { coroutine } from "./tasks-api";
import { ambient } from "./world";

function currentTaskOrNull(): Task | null {
  return ambient.world?.currentTask ?? null;
}

/** Statistics of a Lock. */
export interface LockStatistics {
  locked: boolean;
  /** The task that acquired it last, while it is locked. */
  owner: string | null;
  /** Tasks waiting to acquire it. */
  waiting: number;
}

/** What `with(fn)` runs while holding a primitive: a function returning a coroutine (or a value). */
export type HeldBlock<R> = () => Coroutine<R> | Future<R> | R;

/** Python's `async with prim:` around `block` (acquire inline, release on the way out). */
function* withHeld<R>(
  prim: { acquire(): Coroutine<boolean>; release(): void },
  block: HeldBlock<R>,
): Generator<unknown, R, unknown> {
  yield prim.acquire();
  try {
    const aw = block();
    return (aw instanceof Coroutine || aw instanceof Future ? yield aw : aw) as R;
  } finally {
    prim.release();
  }
}

function* lockAcquire(lock: Lock): Generator<unknown, boolean, unknown> {
  if (!lock._locked && lock._lot.allCancelled()) {
    lock._take();
    return true;
  }
  const fut = lock._lot.park("Lock.acquire()");
  try {
    try {
      yield fut;
    } finally {
      lock._lot.remove(fut);
    }
  } catch (e) {
    if (e instanceof CancelledError && !lock._locked) lock._wakeUpFirst();
    throw e;
  }
  lock._take();
  return true;
}

/** A mutual-exclusion lock for tasks (asyncio.Lock). */
export class Lock {
  _locked = false;
  _owner: Task | null = null;
  readonly _lot = new ParkingLot(this);

  /** True if the lock is held. */
  locked(): boolean {
    return this._locked;
  }

  /** Waits until the lock is free, then takes it. Returns true. */
  acquire(): Coroutine<boolean> {
    return coroutine("acquire", lockAcquire, this);
  }

  /**
   * Runs `block` holding the lock (Python's `async with lock:`); resolves to its result.
   * @example await lock.with(async () => { balance += 1; });
   */
  with<R>(block: HeldBlock<R>): Coroutine<R> {
    return coroutine("with", withHeld, this, block);
  }

  /** Frees the lock and wakes the first waiter. @throws RuntimeError if not locked. */
  release(): void {
    if (!this._locked) throw new RuntimeError("Lock is not acquired.");
    this._locked = false;
    this._owner = null;
    this._wakeUpFirst();
  }

  /** What the lock looks like now. */
  statistics(): LockStatistics {
    return { locked: this._locked, owner: this._owner?._name ?? null, waiting: this._lot.waiting() };
  }

  toString(): string {
    const waiters = this._lot.size > 0 ? `, waiters:${this._lot.size}` : "";
    return `<asyncio.locks.Lock [${this._locked ? "locked" : "unlocked"}${waiters}]>`;
  }

  _take(): void {
    this._locked = true;
    this._owner = currentTaskOrNull();
  }

  _wakeUpFirst(): void {
    const fut = this._lot.first();
    if (fut !== undefined && !fut.done()) fut._resolve(true);
  }

  _waitDescription(): string {
    return this._owner === null ? "Lock.acquire()" : `Lock.acquire() (held by ${this._owner._name})`;
  }
}

function* eventWait(event: Event): Generator<unknown, boolean, unknown> {
  if (event._value) return true;
  const fut = event._lot.park("Event.wait()");
  try {
    yield fut;
    return true;
  } finally {
    event._lot.remove(fut);
  }
}

/** A flag tasks can wait for (asyncio.Event). */
export class Event {
  _value = false;
  readonly _lot = new ParkingLot(this);

  /** True if the flag is set. */
  is_set(): boolean {
    return this._value;
  }

  /** Sets the flag and wakes every waiter. */
  set(): void {
    if (this._value) return;
    this._value = true;
    for (const fut of this._lot) if (!fut.done()) fut._resolve(true);
  }

  /** Clears the flag. */
  clear(): void {
    this._value = false;
  }

  /** Waits until the flag is set. Returns true. */
  wait(): Coroutine<boolean> {
    return coroutine("wait", eventWait, this);
  }

  /** What the event looks like now. */
  statistics(): { set: boolean; waiting: number } {
    return { set: this._value, waiting: this._lot.waiting() };
  }

  toString(): string {
    const waiters = this._lot.size > 0 ? `, waiters:${this._lot.size}` : "";
    return `<asyncio.locks.Event [${this._value ? "set" : "unset"}${waiters}]>`;
  }

  _waitDescription(): string {
    return "Event.wait()";
  }
}

function* conditionWait(cond: Condition): Generator<unknown, boolean, unknown> {
  if (!cond.locked()) throw new RuntimeError("cannot wait on un-acquired lock");
  cond.release();
  try {
    const fut = cond._lot.park("Condition.wait()");
    try {
      yield fut;
      return true;
    } finally {
      cond._lot.remove(fut);
    }
  } finally {
    // Re-acquire the lock even if cancelled meanwhile; then re-raise the cancellation.
    let cancelled = false;
    for (;;) {
      try {
        yield cond.acquire();
        break;
      } catch (e) {
        // biome-ignore lint/correctness/noUnsafeFinally: as CPython, an error re-acquiring the lock wins.
        if (!(e instanceof CancelledError)) throw e;
        cancelled = true;
      }
    }
    // biome-ignore lint/correctness/noUnsafeFinally: as CPython, a cancellation while re-acquiring wins.
    if (cancelled) throw new CancelledError();
  }
}

function* conditionWaitFor<T>(cond: Condition, predicate: () => T): Generator<unknown, T, unknown> {
  let result = predicate();
  while (!result) {
    yield cond.wait();
    result = predicate();
  }
  return result;
}

/** A condition variable for tasks (asyncio.Condition), over a Lock. */
export class Condition {
  readonly _lock: Lock;
  readonly _lot = new ParkingLot(this);

  constructor(lock?: Lock) {
    this._lock = lock ?? new Lock();
  }

  /** True if the underlying lock is held. */
  locked(): boolean {
    return this._lock.locked();
  }

  /** Acquires the underlying lock. */
  acquire(): Coroutine<boolean> {
    return this._lock.acquire();
  }

  /** Releases the underlying lock. */
  release(): void {
    this._lock.release();
  }

  /** Runs `block` holding the underlying lock (Python's `async with cond:`). */
  with<R>(block: HeldBlock<R>): Coroutine<R> {
    return coroutine("with", withHeld, this, block);
  }

  /** Releases the lock, waits to be notified, re-acquires the lock. Returns true. */
  wait(): Coroutine<boolean> {
    return coroutine("wait", conditionWait, this);
  }

  /** Waits until `predicate()` is truthy; returns its last value. */
  wait_for<T>(predicate: () => T): Coroutine<T> {
    return coroutine("wait_for", conditionWaitFor, this, predicate);
  }

  /** Wakes up to `n` waiters. @throws RuntimeError if the lock is not held. */
  notify(n = 1): void {
    if (!this.locked()) throw new RuntimeError("cannot notify on un-acquired lock");
    let idx = 0;
    for (const fut of this._lot) {
      if (idx >= n) break;
      if (!fut.done()) {
        idx++;
        fut._resolve(false);
      }
    }
  }

  /** Wakes every waiter. @throws RuntimeError if the lock is not held. */
  notify_all(): void {
    this.notify(this._lot.size);
  }

  /** What the condition looks like now. */
  statistics(): { locked: boolean; waiting: number; lock: LockStatistics } {
    return { locked: this.locked(), waiting: this._lot.waiting(), lock: this._lock.statistics() };
  }

  toString(): string {
    const waiters = this._lot.size > 0 ? `, waiters:${this._lot.size}` : "";
    return `<asyncio.locks.Condition [${this.locked() ? "locked" : "unlocked"}${waiters}]>`;
  }

  _waitDescription(): string {
    return "Condition.wait()";
  }
}

function* semaphoreAcquire(sem: Semaphore): Generator<unknown, boolean, unknown> {
  if (!sem.locked()) {
    sem._value--;
    return true;
  }
  const fut = sem._lot.park(`${sem._kind}.acquire()`);
  try {
    try {
      yield fut;
    } finally {
      sem._lot.remove(fut);
    }
  } catch (e) {
    if (e instanceof CancelledError && !fut.cancelled()) {
      sem._value++;
      sem._wakeUpNext();
    }
    throw e;
  }
  if (sem._value > 0) sem._wakeUpNext();
  return true;
}

/** A counter tasks acquire and release, blocking at zero (asyncio.Semaphore). */
export class Semaphore {
  _value: number;
  readonly _lot = new ParkingLot(this);

  /** @throws ValueError if `value` is negative. */
  constructor(value = 1) {
    if (value < 0) throw new ValueError("Semaphore initial value must be >= 0");
    this._value = value;
  }

  get _kind(): string {
    return "Semaphore";
  }

  /** True if acquire() would wait. */
  locked(): boolean {
    return this._value === 0 || this._lot._waiters.some((w) => !w.cancelled());
  }

  /** Waits until the counter is above zero, then decrements it. Returns true. */
  acquire(): Coroutine<boolean> {
    return coroutine("acquire", semaphoreAcquire, this);
  }

  /** Increments the counter and wakes the first waiter. */
  release(): void {
    this._value++;
    this._wakeUpNext();
  }

  /** Runs `block` holding the semaphore (Python's `async with sem:`); resolves to its result. */
  with<R>(block: HeldBlock<R>): Coroutine<R> {
    return coroutine("with", withHeld, this, block);
  }

  /** What the semaphore looks like now. */
  statistics(): { value: number; waiting: number } {
    return { value: this._value, waiting: this._lot.waiting() };
  }

  toString(): string {
    const state = this.locked() ? "locked" : `unlocked, value:${this._value}`;
    const waiters = this._lot.size > 0 ? `, waiters:${this._lot.size}` : "";
    return `<asyncio.locks.${this._kind} [${state}${waiters}]>`;
  }

  _wakeUpNext(): void {
    for (const fut of this._lot) {
      if (!fut.done()) {
        this._value--;
        fut._resolve(true);
        return;
      }
    }
  }

  _waitDescription(): string {
    return `${this._kind}.acquire()`;
  }
}

/** A Semaphore that refuses to be released above its initial value (asyncio.BoundedSemaphore). */
export class BoundedSemaphore extends Semaphore {
  readonly _bound: number;

  constructor(value = 1) {
    super(value);
    this._bound = value;
  }

  override get _kind(): string {
    return "BoundedSemaphore";
  }

  /** @throws ValueError if released more times than acquired. */
  override release(): void {
    if (this._value >= this._bound) throw new ValueError("BoundedSemaphore released too many times");
    super.release();
  }
}
