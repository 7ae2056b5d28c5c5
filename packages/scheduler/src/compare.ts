import { pyTypeName } from "./coroutine";

/**
 * Python's `a < b` for the values a PriorityQueue holds: numbers, strings, booleans, and
 * arrays compared item by item (tuples). @throws TypeError for values Python cannot order.
 */
export function pyLess(a: unknown, b: unknown): boolean {
  if (typeof a === "number" || typeof a === "boolean") {
    if (typeof b === "number" || typeof b === "boolean") return Number(a) < Number(b);
  } else if (typeof a === "string") {
    if (typeof b === "string") return a < b;
  } else if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
      const x = a[i];
      const y = b[i];
      if (x === y) continue;
      if (pyLess(x, y)) return true;
      if (pyLess(y, x)) return false;
    }
    return a.length < b.length;
  }
  throw new TypeError(`'<' not supported between instances of '${pyTypeName(a)}' and '${pyTypeName(b)}'`);
}
