import { floatRepr, pyRepr } from "./format";
import type { Json } from "./result";

const MAX_DEPTH = 20;
const MAX_ITEMS = 10_000;
/** Values copied in all: shared sub-structures are copied once per reference, so bound the total. */
const MAX_NODES = 100_000;

/**
 * Copies a program's value into plain JSON data. Non-finite numbers become their Python
 * spelling ("inf", "nan"), undefined becomes null, and anything that is not a primitive, an
 * array or a plain object becomes its Python repr. Depth, items per container and the total
 * number of values are capped ("..." stands for what was cut).
 */
export function toJson(value: unknown): Json {
  const budget = { nodes: MAX_NODES };
  return copy(value, 0, budget);
}

function copy(value: unknown, depth: number, budget: { nodes: number }): Json {
  if (--budget.nodes < 0) return "...";
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      return Number.isFinite(value) ? value : floatRepr(value);
    case "undefined":
      return null;
    case "bigint":
      return value.toString();
    case "object":
      break;
    default:
      return pyRepr(value);
  }
  if (value === null) return null;
  if (depth >= MAX_DEPTH) return "...";
  if (Array.isArray(value)) return value.slice(0, MAX_ITEMS).map((v) => copy(v, depth + 1, budget));
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === Object.prototype || proto === null) {
    const out: { [key: string]: Json } = {};
    for (const key of Object.keys(value).slice(0, MAX_ITEMS)) {
      out[key] = copy((value as Record<string, unknown>)[key], depth + 1, budget);
    }
    return out;
  }
  return pyRepr(value);
}
