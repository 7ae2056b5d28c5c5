/**
 * Helpers for writing programs in tests before the compiler exists: `async_("f", function* ...)`
 * is what `async function f` compiles to. Not part of the public API.
 */
import { __coro, type Coroutine, type CoroutineBody } from "./coroutine";

// biome-ignore lint/suspicious/noExplicitAny: the value an await resumes with is dynamically typed.
export type Resumed = any;

/** A coroutine function: calling it makes a lazy coroutine, as a compiled async function does. */
export function async_<A extends unknown[], R = unknown>(
  name: string,
  body: (...args: A) => Generator<unknown, R, Resumed>,
): (...args: A) => Coroutine<R> {
  return (...args: A) => __coro<R>(name, body as unknown as CoroutineBody, undefined, args);
}
