/**
 * Freezes the realm's built-ins before a program runs (the idea of SES's lockdown, reduced to
 * what a sandboxed exercise needs).
 *
 * The runtime inside the VM calls built-ins at call time (`array.push`, `new Map()`,
 * `Object.freeze`, a generator's `next`). If a program could replace them, it could steer the
 * runtime that records its own result. So, before any program code runs, every object reachable
 * from `globalThis` (values, accessors, prototypes), plus the intrinsics that are reachable only
 * through syntax (generator, async and iterator prototypes), is frozen, and every global binding
 * is made read-only. `globalThis` itself stays extensible: a program may add globals of its own.
 *
 * The "override mistake": assigning `obj.toString = f` fails when a frozen prototype has a data
 * property `toString`. For the handful of properties programs (and the runtime's error classes)
 * commonly shadow by assignment, the data property is turned into an accessor whose setter
 * defines an own property on the receiver, as SES does.
 *
 * This file runs inside QuickJS as part of the runtime bundle, so it uses only the language.
 */

const { freeze, getOwnPropertyDescriptor, getPrototypeOf, defineProperty, isFrozen } = Object;
const ownKeys = Reflect.ownKeys;

/** Properties shadowed by assignment often enough that freezing their prototypes must allow it. */
const OVERRIDABLE: Readonly<Record<string, readonly string[]>> = {
  Object: ["constructor", "toString", "valueOf", "toLocaleString", "hasOwnProperty"],
  Error: ["constructor", "name", "message", "toString"],
  Function: ["constructor", "toString"],
  Array: ["constructor", "toString"],
  Promise: ["constructor", "then"],
};

const NATIVE_ERRORS = ["EvalError", "RangeError", "ReferenceError", "SyntaxError", "TypeError", "URIError"];

function enableOverride(proto: object, key: string): void {
  const desc = Reflect.getOwnPropertyDescriptor(proto, key);
  if (desc === undefined || !("value" in desc) || !desc.configurable) return;
  const value: unknown = desc.value;
  defineProperty(proto, key, {
    get() {
      return value;
    },
    set(this: object, next: unknown) {
      if (this === proto) throw new TypeError(`Cannot assign to read only property '${key}' of a built-in`);
      defineProperty(this, key, { value: next, writable: true, enumerable: true, configurable: true });
    },
    enumerable: desc.enumerable ?? false,
    configurable: false,
  });
}

/**
 * Iterator helpers' objects (QuickJS-ng): %IteratorHelperPrototype% and
 * %WrapForValidIteratorPrototype% are reachable only through the iterators they make, so a
 * run could otherwise leave a value on them for the next run of the context.
 */
function iteratorHelpers(): unknown[] {
  const found: unknown[] = [];
  const values = [][Symbol.iterator]() as { map?: (f: (x: unknown) => unknown) => unknown };
  if (typeof values.map === "function") found.push(values.map((x) => x));
  const from = (globalThis as { Iterator?: { from?: unknown } }).Iterator?.from;
  if (typeof from === "function") found.push(from({ next: () => ({ done: true, value: undefined }) }));
  return found;
}

/** Objects only syntax reaches: the prototypes of generators, async functions and iterators. */
function hiddenIntrinsics(): unknown[] {
  const generatorFunction = function* () {};
  const asyncFunction = async () => {};
  const asyncGeneratorFunction = async function* () {};
  return [
    generatorFunction,
    generatorFunction(),
    asyncFunction,
    asyncGeneratorFunction,
    asyncGeneratorFunction(),
    [][Symbol.iterator](),
    new Map().entries(),
    new Set().values(),
    ""[Symbol.iterator](),
    /a/[Symbol.matchAll](""),
    (function () {
      // biome-ignore lint/complexity/noArguments: the arguments object's intrinsics are the point.
      return arguments;
    })(),
    ...iteratorHelpers(),
  ];
}

/** Freezes every built-in of this realm and makes the global bindings read-only. Idempotent. */
export function hardenRealm(global: typeof globalThis): void {
  const g = global as unknown as Record<string, { prototype?: object } | undefined>;
  for (const [name, keys] of Object.entries(OVERRIDABLE)) {
    const proto = g[name]?.prototype;
    if (proto !== undefined) for (const key of keys) enableOverride(proto, key);
  }
  for (const name of NATIVE_ERRORS) {
    const proto = g[name]?.prototype;
    if (proto !== undefined) for (const key of OVERRIDABLE.Error!) enableOverride(proto, key);
  }

  const roots: unknown[] = [...hiddenIntrinsics()];
  // The global object's own properties become read-only; the object stays extensible.
  for (const key of ownKeys(global)) {
    const desc = getOwnPropertyDescriptor(global, key)!;
    roots.push(desc.value, desc.get, desc.set);
    if (desc.configurable || desc.writable) {
      const fixed: PropertyDescriptor = { configurable: false };
      if ("value" in desc) fixed.writable = false;
      defineProperty(global, key, fixed);
    }
  }
  roots.push(getPrototypeOf(global));
  freezeGraph(roots, global);
}

/**
 * Freezes every object reachable from `roots` through own properties (values and accessors)
 * and prototypes, except `spare` (the global object, which stays extensible).
 */
export function freezeGraph(roots: readonly unknown[], spare?: object): void {
  const seen = new Set<unknown>();
  const stack: unknown[] = [];
  const visit = (value: unknown) => {
    if ((typeof value === "object" && value !== null) || typeof value === "function") stack.push(value);
  };
  for (const root of roots) visit(root);
  while (stack.length > 0) {
    const obj = stack.pop() as object;
    if (seen.has(obj) || obj === spare) continue;
    seen.add(obj);
    if (!isFrozen(obj)) freeze(obj);
    visit(getPrototypeOf(obj));
    // One descriptor at a time: getOwnPropertyDescriptors builds an object of them all, ~10x slower.
    for (const key of ownKeys(obj)) {
      const desc = getOwnPropertyDescriptor(obj, key)!;
      visit(desc.value);
      visit(desc.get);
      visit(desc.set);
    }
  }
}
