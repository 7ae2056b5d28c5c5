/**
 * Cleaning a realm's global object after a run, so that the realm can serve the next one.
 *
 * With the realm's built-ins frozen (harden.ts), the global object is the one place a program
 * can leave something behind: the globals it adds, and the object itself (its prototype, whose
 * properties every global lookup sees, and its extensibility, which decides whether the next
 * program may add globals at all). The baseline is taken when the realm is clean; afterwards
 * the cleaner deletes added globals and reports anything it cannot undo, and the host then
 * throws the context away. It runs in the main context for the main realm and for each child
 * process's realm (objects cross contexts directly: one QuickJS runtime).
 *
 * This file runs inside QuickJS as part of the runtime bundle, so it uses only the language.
 */

const { getOwnPropertyDescriptor, getPrototypeOf, is, isExtensible } = Object;
const { ownKeys, deleteProperty } = Reflect;

/**
 * Takes the baseline of `global` now (call when the realm is hardened and clean) and returns
 * its cleaner: it deletes every global added since, and returns "" when the realm is as it
 * was, or why it is not (then the realm must not serve another run). `redefined` is the
 * realm's redefinition check, when its owner already made one.
 */
export function globalsReset(
  global: object,
  redefined: () => PropertyKey | null = redefinitionCheck(global),
): () => string {
  const proto = getPrototypeOf(global);
  const baseline = new Set<PropertyKey>(ownKeys(global));
  return function resetGlobals(): string {
    try {
      if (getPrototypeOf(global) !== proto) return "the program replaced the global object's prototype";
      if (!isExtensible(global)) return "the program made the global object non-extensible";
      // QuickJS's default build lets a frozen global be redefined, and a configurable one may be deleted.
      const changed = redefined();
      if (changed !== null)
        return `the program redefined a built-in global (${String(changed).slice(0, 100)})`;
      // Indexed loops, here and below: in QuickJS a for-of makes an iterator result per step,
      // and this runs after every run, over every global.
      const keys = ownKeys(global);
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i]!;
        if (!baseline.has(key) && !deleteProperty(global, key))
          return `the program defined a global that cannot be removed (${String(key).slice(0, 100)})`;
      }
      return "";
    } catch (error) {
      return error instanceof Error
        ? String(error.message).slice(0, 200)
        : "the global object could not be read";
    }
  };
}

/**
 * Takes the values of `global`'s own properties now (call when the realm is hardened and clean)
 * and returns a check: the first of them whose value or accessors changed since, or null.
 * Values are read directly, not through descriptors (a descriptor per global would cost each
 * run ~0.1 ms): no engine here turns a non-configurable data property into an accessor.
 */
export function redefinitionCheck(global: object): () => PropertyKey | null {
  // Parallel arrays, read by index: in QuickJS iterating a Map makes two objects per entry.
  const valueKeys: PropertyKey[] = [];
  const values: unknown[] = [];
  const accessorKeys: PropertyKey[] = [];
  const accessors: PropertyDescriptor[] = [];
  for (const key of ownKeys(global)) {
    const desc = getOwnPropertyDescriptor(global, key)!;
    if ("value" in desc) {
      valueKeys.push(key);
      values.push(desc.value);
    } else {
      accessorKeys.push(key);
      accessors.push(desc);
    }
  }
  const slots = global as Record<PropertyKey, unknown>;
  return function redefinedGlobal(): PropertyKey | null {
    for (let i = 0; i < valueKeys.length; i++) {
      const key = valueKeys[i]!;
      if (!is(slots[key as string], values[i])) return key;
    }
    for (let i = 0; i < accessorKeys.length; i++) {
      const key = accessorKeys[i]!;
      const was = accessors[i]!;
      const desc = getOwnPropertyDescriptor(global, key);
      if (desc === undefined || desc.get !== was.get || desc.set !== was.set) return key;
    }
    return null;
  };
}
