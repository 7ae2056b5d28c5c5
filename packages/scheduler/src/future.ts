/**
 * Future: a result that will be set later, as asyncio.Future.
 *
 * States (`_state`): 0 pending, 1 cancelled, 2 finished (with a result, or with an exception
 * when `_hasException`). A future leaves pending once and never changes again. When it does,
 * each done-callback is scheduled with call_soon in the order it was added, so waking a
 * waiting task always takes one more loop pass, exactly as in CPython. A callback that is a
 * Task means "wake this task" (no closure per wait).
 */
import { CancelledError, InvalidStateError, RuntimeError } from "./errors";
import { pyRepr } from "./format";
import type { EventLoop } from "./loop";
import type { Task } from "./task";
import { ambient, currentWorld } from "./world";

/** A done-callback: called with the future once it is done. */
export type DoneCallback = (future: Future) => void;

/** The state names Python's repr uses. */
const STATE_NAMES = ["pending", "cancelled", "finished"] as const;

/** Runs a done-callback (scheduled by call_soon). */
function runDoneCallback(cb: unknown, fut: unknown): void {
  (cb as DoneCallback)(fut as Future);
}

/** A result that will be set later (asyncio.Future). */
export class Future<T = unknown> {
  // Fields are `declare`d and set in the constructor, as Coroutine's (see there).
  declare _state: 0 | 1 | 2;
  declare _result: T | undefined;
  declare _exception: unknown;
  declare _hasException: boolean;
  declare _cancelMessage: string | undefined;
  /** True while an exception is set that nobody has retrieved. */
  declare _logTraceback: boolean;
  /** The first done-callback (most futures have one), then the others in order. */
  declare _callback: DoneCallback | Task | null;
  declare _callbacks: (DoneCallback | Task)[] | null;
  declare _loop: EventLoop;
  /** What a task waiting on this future waits on, for traces and deadlock reports. */
  declare _label: string | null;
  /** The primitive this future waits in line for, if any (it may add who holds it). */
  declare _blocker: { _waitDescription(): string } | null;

  constructor(loop?: EventLoop) {
    this._state = 0;
    this._result = undefined;
    this._exception = undefined;
    this._hasException = false;
    this._cancelMessage = undefined;
    this._logTraceback = false;
    this._callback = null;
    this._callbacks = null;
    this._label = null;
    this._blocker = null;
    this._loop = loop ?? runningLoop();
  }

  /** True if the future is finished or cancelled. */
  done(): boolean {
    return this._state !== 0;
  }

  /** True if the future was cancelled. */
  cancelled(): boolean {
    return this._state === 1;
  }

  /**
   * The result. @throws CancelledError if cancelled, InvalidStateError if pending, or the
   * exception the future holds.
   */
  result(): T {
    if (this._state === 1) throw this._makeCancelledError();
    if (this._state === 0) throw new InvalidStateError("Result is not set.");
    this._logTraceback = false;
    if (this._hasException) throw this._exception;
    return this._result as T;
  }

  /** The exception, or null if it finished normally. @throws as result() when not finished. */
  exception(): unknown {
    if (this._state === 1) throw this._makeCancelledError();
    if (this._state === 0) throw new InvalidStateError("Exception is not set.");
    this._logTraceback = false;
    return this._hasException ? this._exception : null;
  }

  /** Marks the future done with `result`. @throws InvalidStateError if already done. */
  set_result(result: T): void {
    if (this._state !== 0) throw new InvalidStateError(`invalid state: ${STATE_NAMES[this._state]}`);
    this._resolve(result);
  }

  /** Marks the future done with `exception`. @throws InvalidStateError if already done. */
  set_exception(exception: unknown): void {
    if (this._state !== 0) throw new InvalidStateError(`invalid state: ${STATE_NAMES[this._state]}`);
    if (exception instanceof CancelledError) {
      throw new TypeError("CancelledError cannot be set as a future's exception; use cancel()");
    }
    this._reject(exception);
  }

  /** Cancels the future; returns false if it was already done. */
  cancel(msg?: string): boolean {
    return this._cancel(msg);
  }

  /** Calls `fn(future)` once the future is done (soon, if it already is). */
  add_done_callback(fn: DoneCallback): void {
    if (typeof fn !== "function") throw new TypeError("add_done_callback() needs a function");
    this._addCallback(fn);
  }

  /** Removes every registration of `fn`; returns how many were removed. */
  remove_done_callback(fn: DoneCallback): number {
    const all = this._callback === null ? [] : [this._callback, ...(this._callbacks ?? [])];
    const kept = all.filter((cb) => cb !== fn);
    this._callback = kept[0] ?? null;
    this._callbacks = kept.length > 1 ? kept.slice(1) : null;
    return all.length - kept.length;
  }

  /** The loop the future belongs to. */
  get_loop(): EventLoop {
    return this._loop;
  }

  toString(): string {
    return `<Future ${this._reprInfo().join(" ")}>`;
  }

  /** CPython's _future_repr_info: the state, then the result or exception once finished. */
  _reprInfo(): string[] {
    const info: string[] = [STATE_NAMES[this._state]];
    if (this._state === 2) {
      info.push(
        this._hasException ? `exception=${pyRepr(this._exception)}` : `result=${pyRepr(this._result)}`,
      );
    }
    return info;
  }

  _addCallback(cb: DoneCallback | Task): void {
    if (this._state !== 0) {
      this._scheduleOne(cb);
      return;
    }
    if (this._callback === null) this._callback = cb;
    else if (this._callbacks === null) this._callbacks = [cb];
    else this._callbacks.push(cb);
  }

  _resolve(result: T): void {
    this._result = result;
    this._state = 2;
    this._scheduleCallbacks();
  }

  _reject(exception: unknown): void {
    this._exception = exception;
    this._hasException = true;
    this._logTraceback = true;
    this._state = 2;
    this._scheduleCallbacks();
  }

  _cancel(msg?: string): boolean {
    if (this._state !== 0) return false;
    this._state = 1;
    this._cancelMessage = msg;
    this._scheduleCallbacks();
    return true;
  }

  _makeCancelledError(): CancelledError {
    return new CancelledError(this._cancelMessage ?? "");
  }

  _scheduleCallbacks(): void {
    const first = this._callback;
    if (first === null) return;
    const rest = this._callbacks;
    this._callback = null;
    this._callbacks = null;
    this._scheduleOne(first);
    if (rest !== null) for (let i = 0; i < rest.length; i++) this._scheduleOne(rest[i]!);
  }

  _scheduleOne(cb: DoneCallback | Task): void {
    if (typeof cb === "function") {
      this._loop._callSoon(runDoneCallback, cb, this);
      return;
    }
    cb._scheduleWake();
    const w = ambient.world;
    if (w?.tracing) w.record("wake", cb._name, this._label ?? undefined);
  }
}

/** The running loop of the current thread. @throws RuntimeError if none is running. */
export function runningLoop(): EventLoop {
  const loop = currentWorld().thread.loop;
  if (loop === null) throw new RuntimeError("no running event loop");
  return loop;
}

/** True if `value` is a Future (or Task), as asyncio.isfuture. */
export function isfuture(value: unknown): value is Future {
  return value instanceof Future;
}

/** Sets `result` on `fut` unless it was cancelled meanwhile (asyncio's sleep timer callback). */
export function setResultUnlessCancelled(fut: unknown, result: unknown): void {
  const f = fut as Future;
  if (f._state === 0) f._resolve(result);
}

/** Resolves `waiter` with null if still pending (asyncio's _release_waiter). */
export function releaseWaiter(waiter: Future): void {
  if (waiter._state === 0) waiter._resolve(null);
}
