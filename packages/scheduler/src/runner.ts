/**
 * asyncio.run: a new event loop on the calling (main) thread, run until the coroutine's task
 * is done, then shut down as CPython's asyncio.Runner does: cancel the tasks still alive and
 * let them finish, then the two shutdown steps (async generators, default executor), which in
 * CPython are small tasks of their own and so take two task names and a few loop passes.
 */
import { Coroutine } from "./coroutine";
import { RuntimeError, ValueError } from "./errors";
import { pyRepr } from "./format";
import { EventLoop, worldOf } from "./loop";
import { gather } from "./tasks-api";
import { currentWorld } from "./world";

/** Options of asyncio.run (accepted for compatibility; debug changes nothing here). */
export interface RunOptions {
  debug?: boolean;
}

/**
 * Runs `main` on a new event loop until it completes and returns its result.
 * @throws whatever `main` raises; RuntimeError if a loop is already running in this thread.
 */
export function asyncioRun<T>(main: Coroutine<T>, _options: RunOptions = {}): T {
  const w = currentWorld();
  w.checkAborted();
  if (w.thread.loop !== null)
    throw new RuntimeError("asyncio.run() cannot be called from a running event loop");
  if (!(main instanceof Coroutine)) throw new ValueError(`a coroutine was expected, got ${pyRepr(main)}`);
  const loop = new EventLoop(w);
  try {
    return loop._runUntilComplete(loop.create_task(main));
  } finally {
    if (w.aborted === null) shutDown(loop);
    loop._close();
  }
}

function shutDown(loop: EventLoop): void {
  cancelAllTasks(loop);
  shutdownStep(loop); // loop.shutdown_asyncgens()
  shutdownStep(loop); // loop.shutdown_default_executor()
}

/** Cancels every task still alive and runs the loop until they are done (_cancel_all_tasks). */
function cancelAllTasks(loop: EventLoop): void {
  const toCancel = loop._liveTasks();
  if (toCancel.length === 0) return;
  for (const task of toCancel) task.cancel();
  const w = worldOf(loop);
  const prev = w.thread.loop;
  w.thread.loop = loop;
  let all: ReturnType<typeof gather>;
  try {
    all = gather(...toCancel, { return_exceptions: true });
  } finally {
    w.thread.loop = prev;
  }
  loop._runUntilComplete(all);
  for (const task of toCancel) {
    if (task.cancelled()) continue;
    const exc = task.exception();
    if (exc !== null) {
      const what = exc instanceof Error ? `${exc.name}: ${exc.message}` : String(exc);
      w.warn(
        "exception-never-retrieved",
        `unhandled exception during asyncio.run() shutdown: ${task.toString()} raised ${what}`,
        task._name,
      );
    }
  }
}

/** A shutdown coroutine that returns at once: one task name, one step, one stop. */
function shutdownStep(loop: EventLoop): void {
  const w = worldOf(loop);
  w.taskCounter++;
  const fut = loop.create_future();
  loop._callSoon((f) => (f as typeof fut)._resolve(undefined), fut, undefined);
  loop._runUntilComplete(fut);
}
