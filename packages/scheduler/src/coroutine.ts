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
import { ambient, type World } from "./world";

type Gen = Generator<unknown, unknown, unknown>;

/**
 * The generator intrinsics, captured before any program runs. drive() resumes generators
 * through them rather than `gen.next(v)`: every generator function has its own prototype, so in
 * V8 a `gen.next` property load is megamorphic (5x slower with many tasks); in QuickJS it is a
 * walk up the prototype chain. And a program cannot reach them to replace them.
 */
const GeneratorPrototype = Object.getPrototypeOf(function* () {}).prototype as Gen;
const genNext = GeneratorPrototype.next as (this: Gen, value: unknown) => IteratorResult<unknown, unknown>;
const genThrow = GeneratorPrototype.throw as (this: Gen, error: unknown) => IteratorResult<unknown, unknown>;
const protoOf = Object.prototype.isPrototypeOf;
const reflectApply = Reflect.apply;
const defineProperty = Object.defineProperty;
const NO_ARGS: readonly unknown[] = Object.freeze([]);

/** The body of a coroutine: a generator function whose `yield x` is `await x`. */
export type CoroutineBody = (...args: never[]) => Generator<unknown, unknown, unknown>;

/**
 * The prefix of the generator functions the compiler hoists out of async function declarations
 * (`function* __coro_f`): __coro names them after their coroutine, so stack traces say `at f`.
 */
export const HOISTED_PREFIX = "__coro_";

const CREATED = 0;
const RUNNING = 1;
const CLOSED = 2;

/** A coroutine with a generator body. */
export const GENERATOR_KIND = 0;
/** asyncio.sleep's coroutine (SleepCoroutine): a task sleeps on it without a generator. */
export const SLEEP_KIND = 1;

/**
 * A coroutine object. States: 0 created (body not started), 1 running (its generator is on
 * some task's stack), 2 closed (returned, raised or closed). It runs at most once.
 *
 * The generator is made when the coroutine is (calling a generator function binds its
 * arguments and evaluates parameter defaults, and runs nothing), so a call's arguments are
 * checked at the call, as in Python, and the coroutine holds one generator instead of a body,
 * a `this` and an arguments list. A coroutine that never starts is reported by the world (see
 * World.registerCoroutine), which notes who made it and when only for those.
 */
export class Coroutine<T = unknown> {
  // Fields are `declare`d and set in the constructor: a class field is defined (as undefined, or
  // by an initializer QuickJS runs per object) before the constructor assigns it, twice the work
  // in an interpreter on every object made; plain assignments are the cheapest form there.
  // `_kind` (and asyncio.sleep's `__name__`) live on the prototype, one field less per object.
  /** The coroutine function's name, as Python's coro.__name__. */
  declare readonly __name__: string;
  declare _gen: Generator<unknown, unknown, unknown> | null;
  declare _state: 0 | 1 | 2;
  /** GENERATOR_KIND, or SLEEP_KIND for asyncio.sleep's, which a task runs without a generator. */
  declare readonly _kind: number;
  /** Never read: keeps T in the type, so `yield coro` can be typed by callers. */
  declare readonly _resultType?: T;

  /**
   * A coroutine running `body` (called now with `thisArg` and `args`, which runs none of it).
   * A null name is for subclasses that have theirs on the prototype and make their generator
   * in _start().
   */
  constructor(name: string | null, body: CoroutineBody | null, thisArg?: unknown, args?: ArrayLike<unknown>) {
    if (name !== null) {
      (this as { __name__: string }).__name__ = name;
      this._gen =
        body === null ? null : (reflectApply(body, thisArg, args === undefined ? NO_ARGS : args) as Gen);
    }
    this._state = CREATED;
    const w = ambient.world;
    if (w !== null) w.registerCoroutine(this as Coroutine);
  }

  /** Starts the coroutine: it goes on a task's stack. A coroutine can start only once. */
  _start(): void {
    if (this._state !== CREATED) throw new RuntimeError("cannot reuse already awaited coroutine");
    this._state = RUNNING;
    const gen = this._gen;
    if (gen === null || typeof gen !== "object" || !protoOf.call(GeneratorPrototype, gen)) {
      throw new TypeError(`the body of coroutine '${this.__name__}' is not a generator function`);
    }
  }

  /**
   * Awaited by something other than a task (a thread), a coroutine that only starts something
   * and awaits one future may return that future instead of being run (asyncio.sleep); null:
   * run it as a generator.
   */
  _inlineFuture(): Future | null {
    return null;
  }

  /** Closes a coroutine that has not started, so it is not reported as never awaited. */
  close(): void {
    if (this._state === CREATED) {
      this._state = CLOSED;
      this._gen = null;
    } else if (this._state === RUNNING) {
      this._gen?.return(undefined);
      this._state = CLOSED;
    }
  }

  toString(): string {
    return `<coroutine object ${this.__name__}>`;
  }
}

defineProperty(Coroutine.prototype, "_kind", { value: GENERATOR_KIND });

/** Names a hoisted generator function after its coroutine (once), for stack traces. */
function nameHoisted(body: CoroutineBody, name: string): void {
  const current = body.name;
  if (typeof current === "string" && current.startsWith(HOISTED_PREFIX)) {
    defineProperty(body, "name", { value: name, configurable: true });
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
  if (typeof body === "function" && body.name !== name) nameHoisted(body, name);
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
/** Only with `direct`: the stack awaits asyncio.sleep's coroutine (the value), for the task to sleep on. */
export const SLEEPS = 3;

/** What a coroutine stack did when resumed: returned or threw (stack empty), or suspended. */
export interface DriveOutcome {
  kind: typeof RETURNED | typeof THREW | typeof YIELDED | typeof SLEEPS;
  /** The return value, the error thrown, the pending Future / Suspend it waits on, or the sleep. */
  value: unknown;
}

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
 * stack empties or waits on something pending. With `direct` (a Task driving), asyncio.sleep's
 * coroutine is returned as what the stack waits on, for the task to sleep on it without a
 * generator. The outcome is the world's `driven`, reused: read it at once.
 */
export function drive(
  w: World,
  frames: Coroutine[],
  value: unknown,
  isThrow: boolean,
  direct = false,
): DriveOutcome {
  const outcome = w.driven;
  w.blockingReturn = false;
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
    // A thread (not `direct`) mostly yields an Op, a Suspend: recognised first, before two
    // instanceof misses (each walks the prototype chain in QuickJS) on every preemption point.
    if (!direct && y instanceof Suspend) {
      outcome.kind = YIELDED;
      outcome.value = y;
      return outcome;
    }
    if (y instanceof Coroutine) {
      if (y._kind === SLEEP_KIND && y._state === CREATED) {
        if (direct) {
          // Awaited in the step that made it (the usual case): no need to check it at the step's end.
          const n = w._stepFreshCount;
          if (n > 0 && w._stepFresh[n - 1] === y) w._stepFreshCount = n - 1;
          y._state = CLOSED;
          outcome.kind = SLEEPS;
          outcome.value = y;
          return outcome;
        }
        let fut: Future | null;
        try {
          fut = y._inlineFuture();
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
    if (y instanceof Suspend) {
      outcome.kind = YIELDED;
      outcome.value = y;
      return outcome;
    }
    if (y === undefined && w.blockingReturn) {
      // `await work(s)` on the loop: the call already blocked (and is warned about); go on.
      w.blockingReturn = false;
      value = undefined;
      isThrow = false;
      continue;
    }
    value = notAwaitable(y);
    isThrow = true;
  }
}
