/** Test helpers for thread programs (not part of the public API). */
import type { Coroutine } from "./coroutine";
import { type Resumed, async_ as unnamed } from "./testing";

/** A compiled async function: a named function returning a lazy coroutine, as the compiler emits. */
export function async_<A extends unknown[], R>(
  name: string,
  body: (...args: A) => Generator<unknown, R, Resumed>,
): (...args: A) => Coroutine<R> {
  const f = unnamed(name, body);
  Object.defineProperty(f, "name", { value: name });
  return f;
}
