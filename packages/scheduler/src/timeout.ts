/**
 * asyncio.timeout / timeout_at: cancel the current task when a deadline passes, and turn that
 * cancellation into TimeoutError. A port of CPython 3.11's asyncio/timeouts.py.
 *
 * Python writes `async with asyncio.timeout(2): ...`. JavaScript has no async with, so the
 * block is a function: `await asyncio.timeout(2, async (cm) => { ... })` returns the
 * function's result, or raises TimeoutError if the deadline passed. `cm` is the Timeout, whose
 * reschedule(), when() and expired() work as in Python.
 */
import { checkSeconds, nsToSeconds, secondsToNs } from "./clock";
import { Coroutine } from "./coroutine";
import { CancelledError, RuntimeError, TimeoutError } from "./errors";
import { Future, runningLoop } from "./future";
import type { Handle } from "./handle";
import { worldOf } from "./loop";
import type { Task } from "./task";
import { coroutine } from "./tasks-api";

type TimeoutState = "created" | "active" | "expiring" | "expired" | "finished";

/** The block a timeout guards: called with the Timeout, returns what to await. */
export type TimeoutBlock<R> = (cm: Timeout) => Coroutine<R> | Future<R> | R;

function onTimeout(cm: unknown): void {
  const t = cm as Timeout;
  t._task!.cancel();
  t._state = "expiring";
  t._handle = null;
}

function* timeoutRun<R>(cm: Timeout, block: TimeoutBlock<R>): Generator<unknown, R, unknown> {
  cm._enter();
  let result: R;
  try {
    const aw = block(cm);
    result = (aw instanceof Coroutine || aw instanceof Future ? yield aw : aw) as R;
  } catch (e) {
    cm._exit(true, e);
    throw e;
  }
  cm._exit(false, undefined);
  return result;
}

/** A deadline for a block of code (asyncio.Timeout). */
export class Timeout {
  _state: TimeoutState = "created";
  _when: number | null;
  _handle: Handle | null = null;
  _task: Task | null = null;
  _cancelling = 0;

  constructor(when: number | null) {
    this._when = when;
  }

  /** The deadline in loop time (seconds), or null for none. */
  when(): number | null {
    return this._when;
  }

  /** Moves the deadline (null: none). @throws RuntimeError unless the timeout is active. */
  reschedule(when: number | null): void {
    if (this._state !== "active") {
      if (this._state === "created") throw new RuntimeError("Timeout has not been entered");
      throw new RuntimeError(`Cannot change state of ${this._state} Timeout`);
    }
    this._when = when;
    this._handle?.cancel();
    if (when === null) {
      this._handle = null;
      return;
    }
    const loop = runningLoop();
    // `when` was computed from a clock read before this one (loop.time() + delay).
    const tick = worldOf(loop).clock.tick;
    if (when <= loop.time()) this._handle = loop._callSoon(onTimeout, this, undefined);
    else this._handle = loop._callAt(secondsToNs(when), onTimeout, this, undefined, tick);
  }

  /** True once the deadline passed. */
  expired(): boolean {
    return this._state === "expiring" || this._state === "expired";
  }

  /** Runs `block` under this deadline; resolves to its result. */
  run<R>(block: TimeoutBlock<R>): Coroutine<R> {
    return coroutine("timeout", timeoutRun, this, block);
  }

  toString(): string {
    const when = this._state === "active" ? ` when=${this._when}` : "";
    return `<Timeout [${this._state}]${when}>`;
  }

  _enter(): void {
    if (this._state !== "created") throw new RuntimeError("Timeout has already been entered");
    const task = runningLoop()._current;
    if (task === null) throw new RuntimeError("Timeout should be used inside a task");
    this._state = "active";
    this._task = task;
    this._cancelling = task.cancelling();
    this.reschedule(this._when);
  }

  /** Leaves the block; raises TimeoutError if the deadline's cancellation is what ended it. */
  _exit(failed: boolean, error: unknown): void {
    this._handle?.cancel();
    this._handle = null;
    if (this._state === "expiring") {
      this._state = "expired";
      if (this._task!.uncancel() <= this._cancelling && failed && error instanceof CancelledError) {
        throw new TimeoutError();
      }
    } else if (this._state === "active") this._state = "finished";
  }
}

/** A Timeout `delay` seconds from now, or with `block`, runs it under that deadline. */
export function timeout(delay: number | null): Timeout;
export function timeout<R>(delay: number | null, block: TimeoutBlock<R>): Coroutine<R>;
export function timeout<R>(delay: number | null, block?: TimeoutBlock<R>): Timeout | Coroutine<R> {
  let when: number | null = null;
  if (delay !== null && delay !== undefined) {
    checkSeconds(delay, "delay");
    const loop = runningLoop();
    when = nsToSeconds(secondsToNs(loop.time()) + secondsToNs(delay));
  }
  const cm = new Timeout(when);
  return block === undefined ? cm : cm.run(block);
}

/** A Timeout at loop time `when`, or with `block`, runs it under that deadline. */
export function timeout_at(when: number | null): Timeout;
export function timeout_at<R>(when: number | null, block: TimeoutBlock<R>): Coroutine<R>;
export function timeout_at<R>(when: number | null, block?: TimeoutBlock<R>): Timeout | Coroutine<R> {
  if (when !== null && when !== undefined) checkSeconds(when, "when");
  const cm = new Timeout(when ?? null);
  return block === undefined ? cm : cm.run(block);
}
