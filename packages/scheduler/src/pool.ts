/**
 * multiprocessing.Pool: a fixed set of worker processes, all started at once, running calls
 * submitted with map, starmap, apply and apply_async. Built on ProcessPoolExecutor's workers,
 * so functions are found by name in each worker's copy of the program and results come back
 * as copies. Python's `with Pool() as p:` terminates the pool at the end of the block; so
 * does `pool.with(...)`.
 */
import { Coroutine } from "./coroutine";
import { ValueError } from "./errors";
import { Future, ProcessPoolExecutor } from "./executors";
import { currentKernel } from "./kernel";
import { callUser, performBody } from "./perform";

/** The result of apply_async/map_async (multiprocessing.pool.AsyncResult). */
export class AsyncResult<T = unknown> {
  readonly #future: Future<T>;

  constructor(future: Future<T>) {
    this.#future = future;
  }

  /** Waits for the result (at most `timeout` seconds). @throws the call's error or TimeoutError. */
  get(timeout: number | null = null): T {
    return this.#future.result(timeout);
  }

  /** Waits until ready or `timeout` seconds pass. */
  wait(timeout: number | null = null): undefined {
    return performBody<undefined>("wait", waitBody as never, this.#future, timeout);
  }

  /** True once the call has finished. */
  ready(): boolean {
    return this.#future.done();
  }

  /** True if it finished without error. @throws ValueError if not ready. */
  successful(): boolean {
    if (!this.#future.done()) throw new ValueError("result is not ready");
    return !this.#future._failed;
  }
}

function* waitBody(f: Future, timeout: number | null): Generator<unknown, undefined, unknown> {
  try {
    yield f.exception(timeout);
  } catch {
    // A timeout or the call's error: wait() only waits.
  }
  return undefined;
}

function* withBody(pool: Pool, fn: (p: Pool) => unknown): Generator<unknown, unknown, unknown> {
  try {
    const r = callUser(() => fn(pool));
    return r instanceof Coroutine ? yield r : r;
  } finally {
    pool.terminate();
  }
}

/** A pool of worker processes (multiprocessing.Pool). */
export class Pool {
  readonly #ex: ProcessPoolExecutor;
  #closed = false;

  /** `processes` workers (default cpu_count), started now. */
  constructor(processes: number | null = null) {
    const ex = new ProcessPoolExecutor(processes);
    const k = currentKernel();
    while (ex._workers < ex._max) ex._startWorker(k, ex._workers++);
    this.#ex = ex;
    k.exitHooks.push(() => this.terminate());
  }

  /** fn over every item, in parallel; waits and returns the results in order. */
  map<T>(fn: (x: never) => T | Coroutine<T>, iterable: Iterable<unknown>): T[] {
    this.#check();
    return this.#ex.map(fn, iterable);
  }

  /** fn(...args) for every args array; waits and returns the results in order. */
  starmap<T>(fn: (...args: never[]) => T | Coroutine<T>, iterable: Iterable<readonly unknown[]>): T[] {
    this.#check();
    const fs = [...iterable].map((args) => this.#ex.submit(fn, ...args));
    return performBody<T[]>("starmap", collect as never, fs);
  }

  /** fn(...args) in a worker; waits for the result. */
  apply<T>(fn: (...args: never[]) => T | Coroutine<T>, args: readonly unknown[] = []): T {
    this.#check();
    return this.#ex.submit(fn, ...args).result();
  }

  /** fn(...args) in a worker; returns at once with an AsyncResult. */
  apply_async<T>(fn: (...args: never[]) => T | Coroutine<T>, args: readonly unknown[] = []): AsyncResult<T> {
    this.#check();
    return new AsyncResult(this.#ex.submit(fn, ...args));
  }

  /** map without waiting: an AsyncResult of the list of results. */
  map_async<T>(fn: (x: never) => T | Coroutine<T>, iterable: Iterable<unknown>): AsyncResult<T[]> {
    this.#check();
    const fs = [...iterable].map((x) => this.#ex.submit(fn, x));
    const all = new Future<T[]>();
    let left = fs.length;
    const onDone = (): void => {
      if (--left > 0 || all.done()) return;
      const failed = fs.find((f) => f._failed);
      if (failed !== undefined) all.set_exception(failed._error);
      else all.set_result(fs.map((f) => f._result as T));
    };
    if (fs.length === 0) all.set_result([]);
    for (const f of fs) f.add_done_callback(onDone);
    return new AsyncResult(all);
  }

  /** No more work may be submitted; workers exit once the queue is empty. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#ex.shutdown(false);
  }

  /** Waits for the workers to exit. @throws ValueError unless closed first. */
  join(): undefined {
    if (!this.#closed) throw new ValueError("Pool is still running");
    return this.#ex.shutdown(true);
  }

  /** Stops the workers at once. */
  terminate(): void {
    this.#closed = true;
    this.#ex.shutdown(false, true);
    const k = currentKernel();
    for (const p of this.#ex._processes) if (p.exitcode === null) k.killProcess(p, -15);
  }

  /** Python's `with Pool() as p:` — runs fn(pool), then terminate(). */
  with<R>(fn: (p: Pool) => R | Coroutine<R>): R {
    return performBody<R>("with", withBody as never, this, fn);
  }

  #check(): void {
    if (this.#closed) throw new ValueError("Pool not running");
  }
}

function* collect(fs: Future[]): Generator<unknown, unknown[], unknown> {
  const out: unknown[] = [];
  for (const f of fs) out.push(yield f.result());
  return out;
}
