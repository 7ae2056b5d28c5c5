/**
 * What kind of built-in a value is, whatever realm made it.
 *
 * In the sandbox each multiprocessing process runs in its own QuickJS context, so a child's
 * Map, Error or plain object has that context's prototypes and fails `instanceof Map` here.
 * These checks read the engine's internal slots instead (a Map method throws on anything that
 * is not a Map, Object.prototype.toString reports an error's slot), so a child's values print,
 * and are copied between processes, exactly as the parent's are.
 */

const mapHas = Map.prototype.has;
const setHas = Set.prototype.has;
const dateGetTime = Date.prototype.getTime;
const objectToString = Object.prototype.toString;
const hasOwn = Object.prototype.hasOwnProperty;

/** True for a Map of any realm. */
export function isMap(value: object): value is Map<unknown, unknown> {
  if (value instanceof Map) return true;
  try {
    mapHas.call(value, undefined);
    return true;
  } catch {
    return false;
  }
}

/** True for a Set of any realm. */
export function isSet(value: object): value is Set<unknown> {
  if (value instanceof Set) return true;
  try {
    setHas.call(value, undefined);
    return true;
  } catch {
    return false;
  }
}

/** True for a Date of any realm. */
export function isDate(value: object): value is Date {
  if (value instanceof Date) return true;
  try {
    dateGetTime.call(value);
    return true;
  } catch {
    return false;
  }
}

/** True for an Error (or subclass instance) of any realm. */
export function isError(value: unknown): value is Error {
  if (value instanceof Error) return true;
  return typeof value === "object" && value !== null && objectToString.call(value) === "[object Error]";
}

/** True when `proto` is the Object.prototype of some realm. */
export function isObjectPrototype(proto: unknown): boolean {
  return (
    proto === Object.prototype ||
    (typeof proto === "object" &&
      proto !== null &&
      Object.getPrototypeOf(proto) === null &&
      hasOwn.call(proto, "__defineGetter__"))
  );
}

/** True for an object literal (or Object.create(null)) of any realm. */
export function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || isObjectPrototype(proto);
}
