/**
 * concurrent.futures: Future, ThreadPoolExecutor, ProcessPoolExecutor, as_completed, wait.
 *
 * An executor keeps a FIFO of work items and a few workers: threads of the calling process, or
 * child processes that import the program again and find the function by name (spawn). As in
 * CPython, submit() starts a new worker when none is idle and the pool is not full, so the
 * first `max_workers` submissions each get their own worker. Results cross back from a
 * process as copies. asyncio's to_thread and run_in_executor run on a ThreadPoolExecutor.
 */
import { pass, waitIn } from "./blocking";
import { Coroutine } from "./coroutine";
import { CancelledError, InvalidStateError, RuntimeError, TimeoutError } from "./errors";
import { currentKernel, type Kernel } from "./kernel";
import { callUser, performBody } from "./perform";
import { childArgs, lookupFunction, pickleName, spawnProcess } from "./processes";
import { Op, type SimProcess, WaitQueue } from "./sim-thread";
import { structuredCopy } from "./structured-copy";
import { DEFAULT_CORES } from "./thread-options";
import { Queue as ThreadQueue } from "./thread-queue";
import { joinThreadOp, timeoutNs } from "./threads";

type State = "PENDING" | "RUNNING" | "CANCELLED" | "FINISHED";

function* resultBody(
  f: Future,
  timeout: number | null,
  wantError: boolean,
): Generator<unknown, unknown, unknown> {
  yield pass("Future.result()", undefined);
  if (!f.done()) {
    yield waitIn(f._waiters, "Future.result()", null, timeout);
    if (!f.done()) throw new TimeoutError("");
  }
  if (f._state === "CANCELLED") throw new CancelledError("");
  if (wantError) return f._failed ? f._error : null;
  if (f._failed) throw f._error;
  return f._result;
}

/** The eventual result of a call run by an executor (concurrent.futures.Future). */
export class Future<T = unknown> {
  _state: State = "PENDING";
  _result: T | undefined = undefined;
  _error: unknown = undefined;
  _failed = false;
  readonly _waiters = new WaitQueue();
  /** Wait queues of as_completed()/wait() calls watching this future. */
  readonly _watchers = new Set<WaitQueue>();
  readonly _callbacks: ((f: never) => unknown)[] = [];

  /** Waits for the result (at most `timeout` seconds). @throws the call's error, TimeoutError, CancelledError. */
  result(timeout: number | null = null): T {
    return performBody<T>("result", resultBody as never, this, timeoutNs(timeout), false);
  }

  /** Waits, then returns the call's error or null. */
  exception(timeout: number | null = null): unknown {
    return performBody<unknown>("exception", resultBody as never, this, timeoutNs(timeout), true);
  }

  /** True once finished or cancelled. */
  done(): boolean {
    return this._state === "FINISHED" || this._state === "CANCELLED";
  }

  /** True while a worker runs the call. */
  running(): boolean {
    return this._state === "RUNNING";
  }

  /** True if cancelled before it ran. */
  cancelled(): boolean {
    return this._state === "CANCELLED";
  }

  /** Cancels the call if it has not started; true if it is (now) cancelled. */
  cancel(): boolean {
    if (this._state === "RUNNING" || this._state === "FINISHED") return false;
    if (this._state === "PENDING") this._complete("CANCELLED");
    return true;
  }

  /** Calls `fn(future)` when done (at once if it is). */
  add_done_callback(fn: (f: Future<T>) => unknown): void {
    if (this.done()) fn(this);
    else this._callbacks.push(fn);
  }

  /** Sets the result (executors and tests). @throws InvalidStateError if done. */
  set_result(result: T): void {
    if (this.done()) throw new InvalidStateError(`invalid state: ${this._state}`);
    this._result = result;
    this._complete("FINISHED");
  }

  /** Sets the error (executors and tests). @throws InvalidStateError if done. */
  set_exception(error: unknown): void {
    if (this.done()) throw new InvalidStateError(`invalid state: ${this._state}`);
    this._error = error;
    this._failed = true;
    this._complete("FINISHED");
  }

  _complete(state: State): void {
    this._state = state;
    const k = currentKernel();
    for (let t = this._waiters.shift(); t !== undefined; t = this._waiters.shift()) k.wake(t, true);
    for (const q of this._watchers) for (let t = q.shift(); t !== undefined; t = q.shift()) k.wake(t, true);
    this._watchers.clear();
    for (const cb of this._callbacks.splice(0)) (cb as (f: Future<T>) => unknown)(this);
  }

  toString(): string {
    return `<Future state=${this._state.toLowerCase()}>`;
  }
}

interface WorkItem {
  future: Future;
  fn: (...args: unknown[]) => unknown;
  /** For process workers: the function's name, looked up in the child. */
  name: string;
  args: unknown[];
}

/** Runs one work item in the calling worker; yields the call's coroutine if it returns one. */
function* runItem(
  item: WorkItem,
  fn: (...args: unknown[]) => unknown,
  copyBack: boolean,
): Generator<unknown, void, unknown> {
  const f = item.future;
  if (f._state !== "PENDING") return;
  f._state = "RUNNING";
  try {
    let r = fn(...item.args);
    // An async function's coroutine, or a blocking runtime call such as time.sleep itself.
    if (r instanceof Coroutine || r instanceof Op) r = yield r;
    f.set_result(copyBack ? structuredCopy(r) : r);
  } catch (e) {
    f.set_exception(copyBack ? structuredCopy(e) : e);
  }
}

function* workerLoop(
  ex: Executor,
  lookup: ((name: string) => unknown) | null,
): Generator<unknown, void, unknown> {
  for (;;) {
    ex._idle++;
    const item = (yield ex._work.get()) as WorkItem | null;
    ex._idle--;
    if (item === null) return;
    if (lookup === null) yield* runItem(item, item.fn, false);
    else
      yield* runItem(
        { ...item, args: childArgs(item.args, lookup) },
        lookupFunction(lookup, item.name),
        true,
      );
  }
}

function* mapBody(fs: Future[], timeout: number | null): Generator<unknown, unknown[], unknown> {
  const k = currentKernel();
  const deadline = timeout === null ? null : k.world.clock.now + timeout;
  const out: unknown[] = [];
  for (const f of fs) {
    const left = deadline === null ? null : Math.max(0, deadline - k.world.clock.now);
    out.push(yield* resultBody(f, left, false));
  }
  return out;
}

function* shutdownBody(ex: Executor): Generator<unknown, void, unknown> {
  yield pass("Executor.shutdown()", undefined);
  for (const join of ex._joins) yield join();
}

function* withBody(ex: Executor, fn: (ex: Executor) => unknown): Generator<unknown, unknown, unknown> {
  try {
    const r = callUser(() => fn(ex));
    return r instanceof Coroutine ? yield r : r;
  } finally {
    yield ex.shutdown(true);
  }
}

/** What ThreadPoolExecutor and ProcessPoolExecutor share. */
export abstract class Executor {
  readonly _work = new ThreadQueue<WorkItem | null>();
  readonly _max: number;
  _idle = 0;
  _workers = 0;
  _shutdown = false;
  /** One blocking join per worker started. */
  readonly _joins: (() => unknown)[] = [];

  constructor(maxWorkers: number) {
    if (!(maxWorkers >= 1)) throw new RangeError("max_workers must be greater than 0");
    this._max = Math.floor(maxWorkers);
    // As CPython's threading._register_atexit: idle workers are told to stop at exit.
    currentKernel().exitHooks.push(() => {
      if (!this._shutdown) this.shutdown(false);
    });
  }

  /** Schedules `fn(...args)`; returns its Future. @throws RuntimeError after shutdown. */
  submit<T>(fn: (...args: never[]) => T | Coroutine<T>, ...args: unknown[]): Future<T> {
    if (this._shutdown) throw new RuntimeError("cannot schedule new futures after shutdown");
    const k = currentKernel();
    const future = new Future<T>();
    const item: WorkItem = {
      future,
      fn: fn as (...a: unknown[]) => unknown,
      name: this._nameOf(fn),
      args: this._copy(args),
    };
    this.#enqueue(k, item);
    if (this._idle === 0 && this._workers < this._max) this._startWorker(k, this._workers++);
    return future;
  }

  /** Runs `fn` over the items (several iterables are zipped); waits and returns the results in order. */
  map<T>(fn: (...args: never[]) => T | Coroutine<T>, ...iterables: Iterable<unknown>[]): T[] {
    const lists = iterables.map((it) => [...it]);
    const n = lists.length === 0 ? 0 : Math.min(...lists.map((l) => l.length));
    const fs: Future[] = [];
    for (let i = 0; i < n; i++) fs.push(this.submit(fn, ...lists.map((l) => l[i])));
    return performBody<T[]>("map", mapBody as never, fs, null);
  }

  /** Stops taking work; with wait, waits for the workers to finish what was submitted. */
  shutdown(wait = true, cancel_futures = false): undefined {
    if (!this._shutdown) {
      this._shutdown = true;
      const k = currentKernel();
      if (cancel_futures) {
        for (const item of this._work._items) item?.future.cancel();
      }
      for (let i = 0; i < this._workers; i++) this.#enqueue(k, null);
    }
    if (!wait) return undefined;
    return performBody<undefined>("shutdown", shutdownBody as never, this);
  }

  /** Python's `with Executor() as ex:` — runs `fn(ex)`, then shutdown(wait=true). */
  with<R>(fn: (ex: this) => R | Coroutine<R>): R {
    return performBody<R>("with", withBody as never, this, fn);
  }

  #enqueue(k: Kernel, item: WorkItem | null): void {
    this._work._put(item);
    const t = this._work._notEmpty.shift();
    if (t !== undefined) k.wake(t, true);
  }

  abstract _startWorker(k: Kernel, index: number): void;
  abstract _nameOf(fn: unknown): string;
  abstract _copy(args: unknown[]): unknown[];
}

/** Runs calls on a pool of threads (concurrent.futures.ThreadPoolExecutor). */
export class ThreadPoolExecutor extends Executor {
  readonly #prefix: string;

  /** Default max_workers: min(32, cpu_count + 4), as in CPython. */
  constructor(max_workers: number | null = null, thread_name_prefix = "") {
    const k = currentKernel();
    super(max_workers ?? Math.min(32, (k.options.cores ?? DEFAULT_CORES) + 4));
    this.#prefix = thread_name_prefix || `ThreadPoolExecutor-${k.nextId("thread-pool") - 1}`;
  }

  _startWorker(k: Kernel, index: number): void {
    const entry = new Coroutine("_worker", workerLoop as never, undefined, [this, null]);
    const t = k.newThread(`${this.#prefix}_${index}`, k.current.process, false, false, entry);
    k.start(t);
    this._joins.push(() => joinThreadOp(t));
  }

  _nameOf(fn: unknown): string {
    return typeof fn === "function" ? fn.name : "";
  }

  _copy(args: unknown[]): unknown[] {
    return args;
  }
}

/** Runs calls in a pool of child processes (concurrent.futures.ProcessPoolExecutor). */
export class ProcessPoolExecutor extends Executor {
  readonly _processes: SimProcess[] = [];

  /** Default max_workers: cpu_count. */
  constructor(max_workers: number | null = null) {
    const k = currentKernel();
    super(max_workers ?? k.options.cores ?? DEFAULT_CORES);
  }

  _startWorker(k: Kernel, _index: number): void {
    const p = spawnProcess(k, `SpawnProcess-${k.nextId("process")}`, false, (lookup) => {
      return new Coroutine("_process_worker", workerLoop as never, undefined, [this, lookup]);
    });
    this._processes.push(p);
    this._joins.push(() => joinThreadOp(p.main!));
  }

  _nameOf(fn: unknown): string {
    return pickleName(fn);
  }

  _copy(args: unknown[]): unknown[] {
    return structuredCopy(args);
  }
}

/** wait() returns when any future finishes. */
export const FIRST_COMPLETED = "FIRST_COMPLETED";
/** wait() returns when all futures finish. */
export const ALL_COMPLETED = "ALL_COMPLETED";

function* asCompletedBody(
  fs: Future[],
  timeout: number | null,
  all: boolean,
): Generator<unknown, Future[], unknown> {
  yield pass("as_completed()", undefined);
  const k = currentKernel();
  const deadline = timeout === null ? null : k.world.clock.now + timeout;
  const q = new WaitQueue();
  const out: Future[] = [];
  const pending = new Set(fs);
  for (;;) {
    for (const f of pending) {
      if (f.done()) {
        pending.delete(f);
        out.push(f);
      }
    }
    if (pending.size === 0 || (!all && out.length > 0)) return out;
    const left = deadline === null ? null : deadline - k.world.clock.now;
    if (left !== null && left <= 0)
      throw new TimeoutError(`${pending.size} (of ${fs.length}) futures unfinished`);
    for (const f of pending) f._watchers.add(q);
    yield waitIn(q, "as_completed()", null, left);
    for (const f of pending) f._watchers.delete(q);
  }
}

/**
 * The futures in the order they finish (concurrent.futures.as_completed). At the top level it
 * yields each one as it finishes; inside a thread, await it for the whole list.
 */
export function as_completed<T>(fs: Iterable<Future<T>>, timeout: number | null = null): Iterable<Future<T>> {
  const list = [...new Set(fs)];
  const k = currentKernel();
  if (k.runsInThread() !== null || k.driving > 0) {
    return performBody<Future<T>[]>("as_completed", asCompletedBody as never, list, timeoutNs(timeout), true);
  }
  return (function* () {
    const deadline = timeout === null ? null : k.world.clock.now + timeoutNs(timeout)!;
    const left = new Set(list);
    while (left.size > 0) {
      const ns = deadline === null ? null : Math.max(0, deadline - k.world.clock.now);
      const done = performBody<Future<T>[]>("as_completed", asCompletedBody as never, [...left], ns, false);
      for (const f of done) {
        left.delete(f);
        yield f;
      }
    }
  })();
}

/** Waits for the futures: [done, not_done] (concurrent.futures.wait with FIRST_COMPLETED or ALL_COMPLETED). */
export function wait<T>(
  fs: Iterable<Future<T>>,
  timeout: number | null = null,
  return_when: "FIRST_COMPLETED" | "ALL_COMPLETED" = "ALL_COMPLETED",
): [Set<Future<T>>, Set<Future<T>>] {
  const list = [...new Set(fs)];
  return performBody("wait", waitBody as never, list, timeoutNs(timeout), return_when === "ALL_COMPLETED");
}

function* waitBody(
  fs: Future[],
  timeout: number | null,
  all: boolean,
): Generator<unknown, [Set<Future>, Set<Future>], unknown> {
  try {
    yield* asCompletedBody(fs, timeout, all);
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
  }
  const done = new Set(fs.filter((f) => f.done()));
  return [done, new Set(fs.filter((f) => !done.has(f)))];
}
