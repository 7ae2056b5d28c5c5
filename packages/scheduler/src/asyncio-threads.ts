/**
 * Where asyncio meets threads: asyncio.to_thread and loop.run_in_executor run a function on a
 * ThreadPoolExecutor (the loop's default one, unless given) and hand its result back to the
 * event loop, which waits for it without blocking; the worker thread wakes the loop when it
 * is done, as call_soon_threadsafe does in CPython.
 */
import { Coroutine } from "./coroutine";
import { type Executor, type Future, ThreadPoolExecutor } from "./executors";
import { type Future as AsyncioFuture, runningLoop } from "./future";
import { currentKernel } from "./kernel";
import type { EventLoop } from "./loop";

function settle(target: unknown, source: unknown): void {
  const afut = target as AsyncioFuture;
  const f = source as Future;
  if (afut.done()) return;
  if (f.cancelled()) afut.cancel();
  else if (f._failed) afut.set_exception(f._error);
  else afut.set_result(f._result);
}

/** Runs `fn(...args)` on `executor` (null: the loop's default); an asyncio Future of its result. */
export function runInExecutor(
  loop: EventLoop,
  executor: Executor | null,
  fn: (...args: never[]) => unknown,
  args: unknown[],
): AsyncioFuture {
  const k = currentKernel();
  let ex = executor;
  if (ex === null) {
    loop._defaultExecutor ??= new ThreadPoolExecutor(null, "asyncio");
    ex = loop._defaultExecutor;
  }
  const afut = loop.create_future();
  afut._label = `run_in_executor(${fn.name || "<lambda>"})`;
  const cf = ex.submit(fn, ...args);
  cf.add_done_callback((f) => {
    loop._callSoon(settle, afut, f);
    k.wakeLoop(loop);
  });
  return afut;
}

function* toThreadBody(
  fn: (...args: never[]) => unknown,
  args: unknown[],
): Generator<unknown, unknown, unknown> {
  return yield runInExecutor(runningLoop(), null, fn, args);
}

/** Runs `fn(...args)` in a thread and awaits its result without blocking the loop (asyncio.to_thread). */
export function to_thread<T>(fn: (...args: never[]) => T | Coroutine<T>, ...args: unknown[]): Coroutine<T> {
  return new Coroutine<T>("to_thread", toThreadBody as never, undefined, [fn, args]);
}
