/**
 * How a blocking runtime call reaches the kernel: inside a simulated thread it returns the Op
 * (or the coroutine of a compound call) for the thread to await; on the host's main thread it
 * runs at once, blocking the main thread while the other threads run.
 */
import { Coroutine, drive, RETURNED, THREW } from "./coroutine";
import { RunAborted, RuntimeError } from "./errors";
import { currentKernel } from "./kernel";
import { isFresh, Op, unawaitedError } from "./sim-thread";

/**
 * Makes a blocking runtime call: inside a simulated thread it returns `op` for the thread to
 * await (typed as the result, since `await` gives the result); on the host's main thread it
 * runs at once and returns the result.
 */
export function perform<T>(op: Op): T {
  const k = currentKernel();
  const t = k.runsInThread();
  if (t === null) return (k.driving > 0 ? op : k.hostRun(op)) as T;
  const prev = t.unawaited;
  if (prev !== null && isFresh(prev)) throw unawaitedError(prev, t);
  t.unawaited = op;
  return op as unknown as T;
}

/** Like perform, for a blocking call written as a generator body that yields Ops. */
export function performBody<T>(
  name: string,
  body: (...args: never[]) => Generator<unknown, unknown, unknown>,
  ...args: unknown[]
): T {
  const k = currentKernel();
  const coro = new Coroutine(name, body, undefined, args);
  const t = k.runsInThread();
  if (t !== null || k.driving > 0) {
    if (t === null) return coro as unknown as T;
    const prev = t.unawaited;
    if (prev !== null && isFresh(prev)) throw unawaitedError(prev, t);
    t.unawaited = coro;
    return coro as unknown as T;
  }
  coro._start();
  const frames: Coroutine[] = [coro];
  let value: unknown;
  let isThrow = false;
  for (;;) {
    k.driving++;
    let out: ReturnType<typeof drive>;
    try {
      out = drive(k.world, frames, value, isThrow);
    } finally {
      k.driving--;
    }
    if (out.kind === RETURNED) return out.value as T;
    if (out.kind === THREW) throw out.value;
    const y = out.value;
    isThrow = false;
    if (y instanceof Op) {
      try {
        value = k.hostRun(y);
      } catch (e) {
        if (e instanceof RunAborted) throw e;
        value = e;
        isThrow = true;
      }
    } else {
      value = new RuntimeError(`${name}() cannot wait on ${String(y)} here`);
      isThrow = true;
    }
  }
}

/**
 * Calls a program's plain callback from inside a blocking call's body (the block of
 * `lock.with(fn)`, a wait_for predicate): on the main thread the callback's own blocking calls
 * block at once, as plain code does there; if it returns a coroutine, the caller awaits it.
 */
export function callUser<R>(fn: () => R): R {
  const k = currentKernel();
  const driving = k.driving;
  k.driving = 0;
  try {
    return fn();
  } finally {
    k.driving = driving;
  }
}
