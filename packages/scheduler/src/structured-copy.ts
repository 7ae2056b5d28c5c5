/**
 * What crosses between processes: a copy, as pickle makes one. Plain data (numbers, strings,
 * arrays, plain objects, Maps, Sets, errors, instances of the program's classes) is copied
 * deeply, cycles included; the runtime's process-shared objects (multiprocessing queues,
 * pipes, Values, Arrays and locks) are passed as themselves, since they stand for shared
 * memory or an OS channel. Functions are passed as themselves too: spawn pickles a function
 * by name, and the child looks the name up in its own copy of the program.
 */

const shareable = new WeakSet<object>();

/** Marks `obj` as shared between processes (copied by reference). */
export function markShared<T extends object>(obj: T): T {
  shareable.add(obj);
  return obj;
}

/** A deep copy of `value` for another process. */
export function structuredCopy<T>(value: T): T {
  return copy(value, new Map()) as T;
}

function copy(value: unknown, memo: Map<object, unknown>): unknown {
  if (value === null || typeof value !== "object") return value;
  if (shareable.has(value)) return value;
  const seen = memo.get(value);
  if (seen !== undefined) return seen;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    memo.set(value, out);
    for (const v of value) out.push(copy(v, memo));
    return out;
  }
  if (value instanceof Map) {
    const out = new Map();
    memo.set(value, out);
    for (const [k, v] of value) out.set(copy(k, memo), copy(v, memo));
    return out;
  }
  if (value instanceof Set) {
    const out = new Set();
    memo.set(value, out);
    for (const v of value) out.add(copy(v, memo));
    return out;
  }
  const out = Object.create(Object.getPrototypeOf(value) as object | null) as Record<string, unknown>;
  memo.set(value, out);
  if (value instanceof Error) {
    for (const key of ["name", "message"]) {
      const d = Object.getOwnPropertyDescriptor(value, key);
      if (d !== undefined) Object.defineProperty(out, key, { ...d, value: d.value });
    }
  }
  for (const key of Object.keys(value)) out[key] = copy((value as Record<string, unknown>)[key], memo);
  return out;
}
