/**
 * asyncio's task functions: create_task, sleep, gather, shield, ensure_future, current_task,
 * all_tasks. Each is a port of CPython 3.11's asyncio/tasks.py, so that callbacks are
 * registered, and therefore run, in the same order as in CPython.
 */
import { checkSeconds, secondsToNs } from "./clock";
import { Coroutine, type CoroutineBody, SLEEP_KIND, SLEEP0 } from "./coroutine";
import { CancelledError } from "./errors";
import { pyRepr } from "./format";
import { Future, runningLoop, setResultUnlessCancelled } from "./future";
import type { Handle } from "./handle";
import type { EventLoop } from "./loop";
import { worldOf } from "./loop";
import type { Task, TaskOptions } from "./task";
import { ambient, COMPACT_MIN, currentWorld } from "./world";

/** Something a program can await: a coroutine, a task or a future. */
export type Awaitable<T = unknown> = Coroutine<T> | Future<T>;

/** A coroutine object running one of the runtime's own generator bodies. */
export function coroutine<T>(name: string, body: CoroutineBody, ...args: unknown[]): Coroutine<T> {
  return new Coroutine<T>(name, body, undefined, args);
}

/** Wraps `coro` in a Task and schedules it on the running loop. */
export function create_task<T>(coro: Coroutine<T>, options: TaskOptions = {}): Task<T> {
  // As CPython 3.11: the task is made unnamed (taking a Task-N number), then renamed.
  const task = runningLoop().create_task(coro);
  if (options.name !== undefined) task.set_name(options.name);
  return task;
}

/** Returns a future for `aw`: a Future as is, a coroutine wrapped in a new Task. */
export function ensure_future<T>(aw: Awaitable<T>, loop?: EventLoop): Future<T> {
  if (aw instanceof Future) return aw;
  if (aw instanceof Coroutine) return (loop ?? runningLoop()).create_task(aw);
  throw new TypeError("An asyncio.Future, a coroutine or an awaitable is required");
}

/** The future a sleep waits on; cancelling it cancels its timer, as sleep's finally does. */
export class SleepFuture extends Future {
  _timer: Handle | null = null;

  override _cancel(msg?: string): boolean {
    if (!super._cancel(msg)) return false;
    this._timer?.cancel();
    return true;
  }
}

/** Starts a sleep of `delay` seconds: a future its timer will resolve with `result`. */
function startSleep(delay: number, result: unknown): SleepFuture {
  const loop = runningLoop();
  const fut = new SleepFuture(loop);
  fut._label = worldOf(loop).tracing ? `sleep(${delay})` : "sleep()";
  fut._timer = loop._callLater(secondsToNs(delay), setResultUnlessCancelled, fut, result);
  return fut;
}

function* sleepBody(delay: number, result: unknown): Generator<unknown, unknown, unknown> {
  return yield startSleep(delay, result);
}

function* sleep0Body(result: unknown): Generator<unknown, unknown, unknown> {
  yield SLEEP0;
  return result;
}

/**
 * asyncio.sleep's coroutine, for a delay > 0 (Sleep0Coroutine is sleep(0)'s). A task awaiting
 * it (the usual case) needs no generator and no future: drive() hands the coroutine to the
 * task, which sleeps on its own timer (or, for sleep(0), requeues itself), taking the same loop
 * passes as CPython's `await future` inside sleep(). Awaited by a thread, a sleep with a delay
 * parks on a SleepFuture; wrapped in a task, it runs sleepBody like any coroutine.
 */
export class SleepCoroutine<T> extends Coroutine<T> {
  declare readonly _delay: number;
  declare readonly _result: T | undefined;

  constructor(delay: number, result: T | undefined) {
    super(null, null);
    this._delay = delay;
    this._result = result;
  }

  override _start(): void {
    this._gen = sleepBody(this._delay, this._result);
    super._start();
  }

  override _inlineFuture(): Future | null {
    return startSleep(this._delay, this._result);
  }
}

/**
 * asyncio.sleep(0)'s coroutine (and a negative delay's, which sleeps the same), made on every
 * switch, so made as cheaply as QuickJS allows: its delay, 0, is on the prototype, so an
 * instance has two own fields, `_state` and `_result` (QuickJS makes a new object with room for
 * two properties and reallocates for a third, which doubled the cost); and it is a base class
 * whose prototype inherits Coroutine's, not a subclass (a derived constructor's super() call
 * was ~8% of a switch). So it is a Coroutine to `instanceof`, and runs Coroutine's methods.
 */
export class Sleep0Coroutine<T> {
  declare readonly __name__: string;
  declare readonly _kind: number;
  declare readonly _delay: number;
  declare readonly _result: T | undefined;
  declare _state: 0 | 1 | 2;
  declare _gen: Generator<unknown, unknown, unknown> | null;

  constructor(result: T | undefined) {
    // As Coroutine's constructor: created, and noted until it is awaited, by
    // World.registerCoroutine inline (~4% of a switch; n <= length: a store or an append).
    this._state = 0;
    this._result = result;
    const w = ambient.world;
    if (w !== null) {
      const n = w._stepFreshCount;
      w._stepFresh[n] = this as unknown as Coroutine;
      w._stepFreshCount = n + 1;
      if (n + 1 >= COMPACT_MIN) w._keepUnstarted();
    }
  }

  _start(): void {
    this._gen = sleep0Body(this._result);
    coroutineStart.call(this as unknown as Coroutine);
  }
}
Object.setPrototypeOf(Sleep0Coroutine.prototype, Coroutine.prototype);
const coroutineStart = Coroutine.prototype._start;

for (const cls of [SleepCoroutine, Sleep0Coroutine]) {
  Object.defineProperty(cls.prototype, "_kind", { value: SLEEP_KIND });
  Object.defineProperty(cls.prototype, "__name__", { value: "sleep" });
}
Object.defineProperty(Sleep0Coroutine.prototype, "_delay", { value: 0 });
// Reachable by programs (asyncio.sleep(0) returns one); runtime.ts freezes the other classes.
Object.freeze(Sleep0Coroutine.prototype);
Object.freeze(Sleep0Coroutine);

/** Suspends the calling task for `delay` virtual seconds, then returns `result`. */
export function sleep<T = undefined>(delay: number, result?: T): Coroutine<T> {
  // sleep(0) first, with one comparison: it is how a task yields, on every switch.
  if (delay === 0) return new Sleep0Coroutine<T>(result) as unknown as Coroutine<T>;
  // Not a number, or NaN (neither <= 0 nor > 0): checkSeconds throws, saying which.
  if (typeof delay !== "number" || !(delay <= 0 || delay > 0)) checkSeconds(delay, "delay");
  if (delay > 0) return new SleepCoroutine<T>(delay, result);
  return new Sleep0Coroutine<T>(result) as unknown as Coroutine<T>;
}

/** The task running now, or null. */
export function current_task(): Task | null {
  return runningLoop()._current;
}

/** The tasks of the running loop that are not done yet. */
export function all_tasks(): Set<Task> {
  return new Set(runningLoop()._liveTasks());
}

/** Options of gather(). */
export interface GatherOptions {
  /** Return exceptions as results instead of raising the first one. */
  return_exceptions?: boolean;
}

/** The future gather() returns: cancelling it cancels every child (asyncio's _GatheringFuture). */
export class GatheringFuture<T> extends Future<T> {
  readonly _children: Future[];
  _cancelRequested = false;

  constructor(children: Future[], loop: EventLoop) {
    super(loop);
    this._children = children;
    this._label = `gather() of ${children.length}`;
  }

  override cancel(msg?: string): boolean {
    if (this.done()) return false;
    let ret = false;
    for (const child of this._children) if (child.cancel(msg)) ret = true;
    if (ret) this._cancelRequested = true;
    return ret;
  }
}

function isGatherOptions(value: unknown): value is GatherOptions {
  return (
    value !== null && typeof value === "object" && !(value instanceof Future) && !(value instanceof Coroutine)
  );
}

/**
 * Runs awaitables concurrently; resolves to their results in argument order. A trailing
 * options object may set return_exceptions.
 * @example const [a, b] = await asyncio.gather(f(), g(), { return_exceptions: true });
 */
export function gather(...args: (Awaitable | GatherOptions)[]): Future<unknown[]> {
  let returnExceptions = false;
  if (args.length > 0 && isGatherOptions(args[args.length - 1])) {
    returnExceptions = (args.pop() as GatherOptions).return_exceptions === true;
  }
  const aws = args as Awaitable[];
  if (aws.length === 0) {
    const outer = runningLoop().create_future<unknown[]>();
    outer.set_result([]);
    return outer;
  }
  let outer: GatheringFuture<unknown[]> | null = null;
  let nfuts = 0;
  let nfinished = 0;
  const children: Future[] = [];
  const argToFut = new Map<Awaitable, Future>();

  const onChildDone = (fut: Future): void => {
    nfinished++;
    if (outer === null || outer.done()) {
      if (!fut.cancelled()) fut.exception();
      return;
    }
    if (!returnExceptions) {
      if (fut.cancelled()) {
        outer._reject(fut._makeCancelledError());
        return;
      }
      const exc = fut.exception();
      if (exc !== null) {
        outer._reject(exc);
        return;
      }
    }
    if (nfinished === nfuts) {
      const results = children.map((child) => {
        if (child.cancelled()) return new CancelledError(child._cancelMessage ?? "");
        const exc = child.exception();
        return exc !== null ? exc : child.result();
      });
      if (outer._cancelRequested) outer._reject(fut._makeCancelledError());
      else outer._resolve(results);
    }
  };

  let loop: EventLoop | null = null;
  for (const aw of aws) {
    let fut = argToFut.get(aw);
    if (fut === undefined) {
      if (!(aw instanceof Future) && !(aw instanceof Coroutine)) {
        throw new TypeError(`An asyncio.Future, a coroutine or an awaitable is required, got ${pyRepr(aw)}`);
      }
      fut = ensure_future(aw, loop ?? undefined);
      loop ??= fut._loop;
      nfuts++;
      argToFut.set(aw, fut);
      fut._addCallback(onChildDone);
    }
    children.push(fut);
  }
  outer = new GatheringFuture(children, loop!);
  return outer;
}

/** Protects `aw` from cancellation: cancelling the returned future leaves `aw` running. */
export function shield<T>(aw: Awaitable<T>): Future<T> {
  const inner = ensure_future(aw);
  if (inner.done()) return inner;
  const outer = new Future<T>(inner._loop);
  outer._label = "shield()";
  const innerDone = (f: Future): void => {
    if (outer.cancelled()) {
      if (!f.cancelled()) f.exception();
      return;
    }
    if (f.cancelled()) outer.cancel();
    else {
      const exc = f.exception();
      if (exc !== null) outer._reject(exc);
      else outer._resolve(f.result() as T);
    }
  };
  const outerDone = (): void => {
    if (!inner.done()) inner.remove_done_callback(innerDone);
  };
  inner._addCallback(innerDone);
  outer._addCallback(outerDone);
  return outer;
}

/** The world's task counter, for code that must consume task names as CPython does. */
export function reserveTaskName(): void {
  currentWorld().taskCounter++;
}
