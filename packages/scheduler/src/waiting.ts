/**
 * Waiting on several things with a deadline: wait, wait_for, as_completed. Ports of CPython
 * 3.11's asyncio/tasks.py (wait_for is 3.11's own implementation, not 3.12's timeout-based
 * one), so cancellations and timeouts happen in the same loop passes as in CPython.
 */
import { checkSeconds, secondsToNs } from "./clock";
import { Coroutine } from "./coroutine";
import { CancelledError, TimeoutError, ValueError } from "./errors";
import { Future, releaseWaiter, runningLoop } from "./future";
import type { Handle } from "./handle";
import type { EventLoop } from "./loop";
import { Queue } from "./queues";
import { type Awaitable, coroutine, ensure_future } from "./tasks-api";

/** wait() returns when any future finishes or is cancelled. */
export const FIRST_COMPLETED = "FIRST_COMPLETED";
/** wait() returns when any future raises, or when all finish. */
export const FIRST_EXCEPTION = "FIRST_EXCEPTION";
/** wait() returns when all futures finish or are cancelled. */
export const ALL_COMPLETED = "ALL_COMPLETED";

/** When wait() returns. */
export type ReturnWhen = typeof FIRST_COMPLETED | typeof FIRST_EXCEPTION | typeof ALL_COMPLETED;

/** Options of wait(). */
export interface WaitOptions {
  /** Seconds to wait at most; undefined or null: no limit. */
  timeout?: number | null;
  return_when?: ReturnWhen;
}

function timerAfter(
  loop: EventLoop,
  seconds: number,
  fn: (a: unknown, b: unknown) => void,
  a: unknown,
): Handle {
  return loop._callLater(secondsToNs(seconds), fn, a, undefined);
}

function releaseWaiterCb(waiter: unknown): void {
  releaseWaiter(waiter as Future);
}

function* waitBody(
  fs: Future[],
  timeout: number | null,
  returnWhen: ReturnWhen,
): Generator<unknown, [Set<Future>, Set<Future>], unknown> {
  const loop = runningLoop();
  const waiter = new Future(loop);
  waiter._label = `asyncio.wait(${returnWhen})`;
  let timeoutHandle: Handle | null = null;
  if (timeout !== null) timeoutHandle = timerAfter(loop, timeout, releaseWaiterCb, waiter);
  let counter = fs.length;
  const onCompletion = (f: Future): void => {
    counter--;
    if (
      counter <= 0 ||
      returnWhen === FIRST_COMPLETED ||
      (returnWhen === FIRST_EXCEPTION && !f.cancelled() && f.exception() !== null)
    ) {
      timeoutHandle?.cancel();
      if (!waiter.done()) waiter._resolve(null);
    }
  };
  for (const f of fs) f._addCallback(onCompletion);
  try {
    yield waiter;
  } finally {
    timeoutHandle?.cancel();
    for (const f of fs) f.remove_done_callback(onCompletion);
  }
  const done = new Set<Future>();
  const pending = new Set<Future>();
  for (const f of fs) (f.done() ? done : pending).add(f);
  return [done, pending];
}

/**
 * Waits for tasks/futures; resolves to [done, pending] (two Sets, in the order given).
 * @example const [done, pending] = await asyncio.wait(tasks, { return_when: asyncio.FIRST_COMPLETED });
 * @throws TypeError for coroutines (wrap them in tasks), ValueError for an empty list.
 */
export function wait<T>(
  aws: Iterable<Future<T>>,
  options: WaitOptions = {},
): Coroutine<[Set<Future<T>>, Set<Future<T>>]> {
  if (aws instanceof Future || aws instanceof Coroutine) {
    throw new TypeError(`expect a list of futures, not ${aws instanceof Future ? "Future" : "coroutine"}`);
  }
  const fs = [...new Set(aws)];
  if (fs.length === 0) throw new ValueError("Set of Tasks/Futures is empty.");
  const returnWhen = options.return_when ?? ALL_COMPLETED;
  if (returnWhen !== FIRST_COMPLETED && returnWhen !== FIRST_EXCEPTION && returnWhen !== ALL_COMPLETED) {
    throw new ValueError(`Invalid return_when value: ${String(returnWhen)}`);
  }
  if (fs.some((f) => f instanceof Coroutine)) {
    throw new TypeError("Passing coroutines is forbidden, use tasks explicitly.");
  }
  const timeout = options.timeout ?? null;
  if (timeout !== null) checkSeconds(timeout, "timeout");
  return coroutine("wait", waitBody, fs, timeout, returnWhen);
}

function* cancelAndWait(fut: Future): Generator<unknown, void, unknown> {
  const waiter = new Future(fut._loop);
  waiter._label = "cancellation";
  const cb = (): void => releaseWaiter(waiter);
  fut._addCallback(cb);
  try {
    fut.cancel();
    yield waiter;
  } finally {
    fut.remove_done_callback(cb);
  }
}

function* waitForBody<T>(aw: Awaitable<T>, timeout: number | null): Generator<unknown, T, unknown> {
  const loop = runningLoop();
  if (timeout === null) return (yield aw) as T;
  if (timeout <= 0) {
    const fut = ensure_future(aw, loop);
    if (fut.done()) return fut.result();
    yield* cancelAndWait(fut);
    try {
      return fut.result();
    } catch (e) {
      if (e instanceof CancelledError) throw new TimeoutError();
      throw e;
    }
  }
  const waiter = new Future(loop);
  waiter._label = `wait_for(timeout=${timeout})`;
  const timeoutHandle = timerAfter(loop, timeout, releaseWaiterCb, waiter);
  const cb = (): void => releaseWaiter(waiter);
  const fut = ensure_future(aw, loop);
  fut._addCallback(cb);
  try {
    try {
      yield waiter;
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      if (fut.done()) return fut.result();
      fut.remove_done_callback(cb);
      yield* cancelAndWait(fut);
      throw e;
    }
    if (fut.done()) return fut.result();
    fut.remove_done_callback(cb);
    yield* cancelAndWait(fut);
    try {
      return fut.result();
    } catch (e) {
      if (e instanceof CancelledError) throw new TimeoutError();
      throw e;
    }
  } finally {
    timeoutHandle.cancel();
  }
}

/**
 * Waits for `aw` at most `timeout` seconds (null: forever); on timeout cancels it and raises
 * TimeoutError.
 */
export function wait_for<T>(aw: Awaitable<T>, timeout: number | null): Coroutine<T> {
  if (timeout !== null && timeout !== undefined) checkSeconds(timeout, "timeout");
  return coroutine("wait_for", waitForBody, aw, timeout ?? null);
}

function* waitForOne<T>(done: Queue<Future<T> | null>): Generator<unknown, T, unknown> {
  const f = (yield done.get()) as Future<T> | null;
  if (f === null) throw new TimeoutError();
  return f.result();
}

/**
 * Yields one coroutine per awaitable; awaiting the i-th gives the i-th result to finish.
 * @example for (const next of asyncio.as_completed(tasks)) { const r = await next; }
 */
export function* as_completed<T>(
  aws: Iterable<Awaitable<T>>,
  options: { timeout?: number | null } = {},
): Generator<Coroutine<T>, void, unknown> {
  if (aws instanceof Future || aws instanceof Coroutine) {
    throw new TypeError(
      `expect an iterable of futures, not ${aws instanceof Future ? "Future" : "coroutine"}`,
    );
  }
  const done = new Queue<Future<T> | null>();
  const loop = runningLoop();
  const todo = new Set<Future<T>>();
  for (const aw of new Set(aws)) todo.add(ensure_future(aw, loop));
  let timeoutHandle: Handle | null = null;
  const onCompletion = (f: Future): void => {
    if (todo.size === 0) return;
    todo.delete(f as Future<T>);
    done.put_nowait(f as Future<T>);
    if (todo.size === 0) timeoutHandle?.cancel();
  };
  const onTimeout = (): void => {
    for (const f of todo) {
      f.remove_done_callback(onCompletion);
      done.put_nowait(null);
    }
    todo.clear();
  };
  for (const f of todo) f._addCallback(onCompletion);
  const timeout = options.timeout ?? null;
  if (todo.size > 0 && timeout !== null) timeoutHandle = timerAfter(loop, timeout, onTimeout, undefined);
  const n = todo.size;
  for (let i = 0; i < n; i++) yield coroutine<T>("_wait_for_one", waitForOne, done);
}
