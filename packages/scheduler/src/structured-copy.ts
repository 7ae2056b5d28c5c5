/**
 * What crosses between processes: a copy, as pickle makes one. Plain data (numbers, strings,
 * arrays, plain objects, Maps, Sets, errors, instances of the program's classes) is copied
 * deeply, cycles included; the runtime's process-shared objects (multiprocessing queues,
 * pipes, Values, Arrays and locks) are passed as themselves, since they stand for shared
 * memory or an OS channel. Functions are passed as themselves too: spawn pickles a function
 * by name, and the child looks the name up in its own copy of the program.
 *
 * In the sandbox a child process has its own realm: built-ins are recognised by their internal
 * slots (brands.ts), and plain objects, arrays, Maps, Sets, Dates and native errors are rebuilt
 * with this realm's prototypes, so the parent reads a child's values as it reads its own.
 * (Instances of the program's classes keep their class.)
 */
import { isDate, isError, isMap, isObjectPrototype, isSet } from "./brands";

/** Native error constructors, by name: a child's TypeError comes back as a TypeError here. */
const NATIVE_ERRORS: Readonly<Record<string, ErrorConstructor>> = {
  Error,
  TypeError,
  RangeError,
  ReferenceError,
  SyntaxError,
  EvalError,
  URIError,
};

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
  if (isMap(value)) {
    const out = new Map();
    memo.set(value, out);
    for (const [k, v] of value) out.set(copy(k, memo), copy(v, memo));
    return out;
  }
  if (isSet(value)) {
    const out = new Set();
    memo.set(value, out);
    for (const v of value) out.add(copy(v, memo));
    return out;
  }
  if (isDate(value)) {
    const out = new Date(value.getTime());
    memo.set(value, out);
    return out;
  }
  const out = Object.create(prototypeHere(value)) as Record<string, unknown>;
  memo.set(value, out);
  if (isError(value)) {
    for (const key of ["name", "message"]) {
      const d = Object.getOwnPropertyDescriptor(value, key);
      if (d !== undefined) Object.defineProperty(out, key, { ...d, value: d.value });
    }
  }
  for (const key of Object.keys(value)) out[key] = copy((value as Record<string, unknown>)[key], memo);
  return out;
}

/** The prototype a copy of `value` gets in this realm. */
function prototypeHere(value: object): object | null {
  const proto = Object.getPrototypeOf(value) as object | null;
  if (proto === null || proto === Object.prototype) return proto;
  if (isObjectPrototype(proto)) return Object.prototype;
  if (isError(value)) {
    // A native error of another realm: the same constructor here (its own class otherwise).
    let ctor: unknown;
    try {
      ctor = (proto as { constructor?: unknown }).constructor; // an accessor in a hardened realm
    } catch {
      return proto;
    }
    const name = typeof ctor === "function" ? ctor.name : "";
    const here = Object.hasOwn(NATIVE_ERRORS, name) ? NATIVE_ERRORS[name] : undefined;
    if (here !== undefined && ctor !== here) return here.prototype;
  }
  return proto;
}
