/**
 * Coroutines: lazy generator-based stand-ins for Python coroutine objects.
 *
 * The compiler turns `async function f(a) { ... await x ... }` into
 * `function f(a) { return __coro("f", function* () { ... (yield x) ... }, this, arguments); }`.
 * Calling f() runs nothing: it returns a Coroutine, and its body starts only when a task
 * steps it, as in Python (and unlike a native async function, which runs eagerly). A
 * coroutine that is created but never awaited or wrapped in a task is reported at the end.
 *
 * `drive()` resumes a stack of coroutines the way CPython's `await` chains do: awaiting a
 * coroutine runs it inline (push), a finished future's value comes back at once, and only a
 * pending future (or a Suspend request such as sleep(0)'s bare yield) suspends the stack.
 */
import { pyClassName, RuntimeError } from "./errors";
import { Future } from "./future";
import type { Task } from "./task";
import { ambient } from "./world";

type Gen = Generator<unknown, unknown, unknown>;

/**
 * The generator intrinsics, captured before any program runs. drive() resumes generators
 * through them rather than `gen.next(v)`: compiled code makes a new generator function per
 * call, so every generator has its own hidden class and a `gen.next` property load is
 * megamorphic; calling the intrinsic is about 5x faster with many tasks (and a program cannot
 * reach it to replace it).
 */
const GeneratorPrototype = Object.getPrototypeOf(function* () {}).prototype as Gen;
const genNext = GeneratorPrototype.next as (this: Gen, value: unknown) => IteratorResult<unknown, unknown>;
const genThrow = GeneratorPrototype.throw as (this: Gen, error: unknown) => IteratorResult<unknown, unknown>;

/** The body of a coroutine: a generator function whose `yield x` is `await x`. */
export type CoroutineBody = (...args: never[]) => Generator<unknown, unknown, unknown>;

const CREATED = 0;
const RUNNING = 1;
const CLOSED = 2;

/**
 * A coroutine object. States: 0 created (body not started), 1 running (its generator is on
 * some task's stack), 2 closed (returned, raised or closed). It runs at most once.
 */
export class Coroutine<T = unknown> {
  /** The coroutine function's name, as Python's coro.__name__. */
  readonly __name__: string;
  _body: CoroutineBody | null;
  _this: unknown;
  _args: ArrayLike<unknown> | undefined;
  _gen: Generator<unknown, unknown, unknown> | null = null;
  _state: 0 | 1 | 2 = CREATED;
  /** Virtual ns at creation and the task that created it (for never-awaited warnings). */
  _createdNs: number;
  _creator: string | null;
  /**
   * Set by runtime coroutines whose whole body is "start something, then await one future"
   * (asyncio.sleep): awaited inline, drive() calls it instead of making a generator, and parks
   * on the future it returns, whose result is the coroutine's result. Null for the rest.
   */
  _inline: ((coro: Coroutine) => Future | null) | null = null;
  /**
   * Cheaper still, for a task's own stack: parks the task directly (asyncio.sleep puts the task
   * itself on a timer, with no future at all). drive() returns the coroutine to a Task that asks.
   */
  _direct: ((coro: Coroutine, task: Task) => void) | null = null;
  /** Never read: keeps T in the type, so `yield coro` can be typed by callers. */
  declare readonly _resultType?: T;

  constructor(name: string, body: CoroutineBody, thisArg?: unknown, args?: ArrayLike<unknown>) {
    this.__name__ = name;
    this._body = body;
    this._this = thisArg;
    this._args = args;
    const w = ambient.world;
    this._createdNs = w === null ? 0 : w.clock.now;
    this._creator = w === null ? null : w.taskName();
    if (w !== null) w.registerCoroutine(this as Coroutine);
  }

  /** Creates the generator; a coroutine can start only once. */
  _start(): void {
    if (this._state !== CREATED) throw new RuntimeError("cannot reuse already awaited coroutine");
    const body = this._body!;
    const thisArg = this._this;
    const args = this._args;
    this._state = RUNNING;
    this._body = null;
    this._this = undefined;
    this._args = undefined;
    const gen = body.apply(thisArg, (args === undefined ? [] : Array.from(args)) as never[]);
    if (
      gen === null ||
      typeof gen !== "object" ||
      !Object.prototype.isPrototypeOf.call(GeneratorPrototype, gen)
    ) {
      throw new TypeError(`the body of coroutine '${this.__name__}' is not a generator function`);
    }
    this._gen = gen;
  }

  /** Closes a coroutine that has not started, so it is not reported as never awaited. */
  close(): void {
    if (this._state === CREATED) {
      this._state = CLOSED;
      this._body = null;
      this._args = undefined;
    } else if (this._state === RUNNING) {
      this._gen?.return(undefined);
      this._state = CLOSED;
    }
  }

  toString(): string {
    return `<coroutine object ${this.__name__}>`;
  }
}

/**
 * Makes a lazy coroutine object; the compiler emits calls to it for every async function.
 * @example function f(a) { return __coro("f", function* () { return (yield g(a)); }, this, arguments); }
 */
export function __coro<T = unknown>(
  name: string,
  body: CoroutineBody,
  thisArg?: unknown,
  args?: ArrayLike<unknown>,
): Coroutine<T> {
  return new Coroutine<T>(name, body, thisArg, args);
}

/** True if `value` is a coroutine object (asyncio.iscoroutine). */
export function iscoroutine(value: unknown): value is Coroutine {
  return value instanceof Coroutine;
}

/**
 * A request a coroutine stack yields to whatever steps it, other than waiting on a future:
 * SLEEP0 (give other tasks a turn). Part 2 adds thread-level requests.
 */
export class Suspend {
  readonly kind: string;
  constructor(kind: string) {
    this.kind = kind;
  }
}

/** The bare `yield` of asyncio.sleep(0): reschedule the task at the back of the ready queue. */
export const SLEEP0 = Object.freeze(new Suspend("sleep0"));

export const RETURNED = 0;
export const THREW = 1;
export const YIELDED = 2;

/** What a coroutine stack did when resumed: returned or threw (stack empty), or suspended. */
export interface DriveOutcome {
  kind: typeof RETURNED | typeof THREW | typeof YIELDED;
  /** The return value, the error thrown, or the pending Future / Suspend it waits on. */
  value: unknown;
}

const outcome: DriveOutcome = { kind: RETURNED, value: undefined };

/**
 * Set when time.sleep() or work() just blocked the loop from inside a task step: awaiting the
 * None it returned then goes on instead of raising "can't be used in 'await' expression", so
 * `await work(1)` on the loop only blocks (with the blocked-loop warning), as students expect.
 */
export const blockingReturn = { pending: false };

/** Python's type name of a value, for error messages. */
export function pyTypeName(value: unknown): string {
  if (value === null || value === undefined) return "NoneType";
  switch (typeof value) {
    case "number":
      return Number.isInteger(value) ? "int" : "float";
    case "string":
      return "str";
    case "boolean":
      return "bool";
    case "function":
      return "function";
    case "object": {
      if (Array.isArray(value)) return "list";
      const ctor = (value as { constructor?: unknown }).constructor;
      return ctor === Object || ctor === undefined ? "dict" : pyClassName(ctor);
    }
    default:
      return typeof value;
  }
}

function notAwaitable(value: unknown): Error {
  if (
    value !== null &&
    typeof value === "object" &&
    typeof (value as { then?: unknown }).then === "function"
  ) {
    return new TypeError(
      "await on a JavaScript Promise is not supported; await an asyncio future, task or coroutine",
    );
  }
  return new TypeError(`object ${pyTypeName(value)} can't be used in 'await' expression`);
}

/**
 * Resumes the top of `frames` with `value` (thrown into it if `isThrow`) and runs until the
 * stack empties or waits on something pending. With `direct` (a Task driving), a coroutine
 * that can park a task by itself (`_direct`) is returned as what the stack waits on. The
 * returned object is reused: read it at once.
 */
export function drive(frames: Coroutine[], value: unknown, isThrow: boolean, direct = false): DriveOutcome {
  blockingReturn.pending = false;
  let top = frames[frames.length - 1]!;
  for (;;) {
    let r: IteratorResult<unknown, unknown>;
    try {
      r = isThrow ? genThrow.call(top._gen!, value) : genNext.call(top._gen!, value);
    } catch (e) {
      top._state = CLOSED;
      frames.pop();
      if (frames.length === 0) {
        outcome.kind = THREW;
        outcome.value = e;
        return outcome;
      }
      top = frames[frames.length - 1]!;
      value = e;
      isThrow = true;
      continue;
    }
    if (r.done === true) {
      top._state = CLOSED;
      frames.pop();
      if (frames.length === 0) {
        outcome.kind = RETURNED;
        outcome.value = r.value;
        return outcome;
      }
      top = frames[frames.length - 1]!;
      value = r.value;
      isThrow = false;
      continue;
    }
    const y = r.value;
    if (y instanceof Future) {
      if (y._state === 0) {
        outcome.kind = YIELDED;
        outcome.value = y;
        return outcome;
      }
      // Awaiting a finished future returns at once, as Future.__await__ does.
      isThrow = y._state === 1 || y._hasException;
      value = y._state === 1 ? y._makeCancelledError() : isThrow ? y._exception : y._result;
      y._logTraceback = false;
      continue;
    }
    if (y instanceof Coroutine) {
      if (direct && y._direct !== null && y._state === CREATED) {
        y._state = CLOSED;
        outcome.kind = YIELDED;
        outcome.value = y;
        return outcome;
      }
      if (y._inline !== null && y._state === CREATED) {
        let fut: Future | null;
        try {
          fut = y._inline(y);
        } catch (e) {
          value = e;
          isThrow = true;
          continue;
        }
        if (fut !== null) {
          y._state = CLOSED;
          outcome.kind = YIELDED;
          outcome.value = fut;
          return outcome;
        }
      }
      try {
        y._start();
      } catch (e) {
        value = e;
        isThrow = true;
        continue;
      }
      frames.push(y);
      top = y;
      value = undefined;
      isThrow = false;
      continue;
    }
    if (y instanceof Suspend) {
      outcome.kind = YIELDED;
      outcome.value = y;
      return outcome;
    }
    if (y === undefined && blockingReturn.pending) {
      // `await work(s)` on the loop: the call already blocked (and is warned about); go on.
      blockingReturn.pending = false;
      value = undefined;
      isThrow = false;
      continue;
    }
    value = notAwaitable(y);
    isThrow = true;
  }
}
