/**
 * Python's str() and repr() for JavaScript values, so print() output reads like Python's.
 *
 * JavaScript has one number type, so a number that is a safe integer prints as a Python int
 * ("1", never "1.0"); any other number prints as Python's float repr ("0.5", "1e-05", "1e+16",
 * "inf", "nan"). Booleans print True/False, null and undefined print None, arrays print as
 * lists, Maps and plain objects as dicts, Sets as sets, errors as their message (str) or
 * Name('message') (repr), Dates in ISO 8601 (UTC). Objects with their own toString() (runtime objects such as Task,
 * and a student's classes that define one) print through it.
 */
import { isDate, isError, isMap, isObjectPrototype, isPlainObject, isSet } from "./brands";
import { pyClassName } from "./errors";

const MAX_DEPTH = 8;

/** Python's str(value). */
export function pyStr(value: unknown): string {
  if (typeof value === "string") return value;
  if (isError(value)) return value.message;
  return pyRepr(value);
}

/** Python's repr(value). */
export function pyRepr(value: unknown): string {
  return repr(value, new Set(), 0);
}

/** Python's repr of a float (shortest round-trip digits, Python's exponent rules). */
export function floatRepr(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (x === Number.POSITIVE_INFINITY) return "inf";
  if (x === Number.NEGATIVE_INFINITY) return "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const sign = x < 0 ? "-" : "";
  const [mantissa = "", expText = "0"] = Math.abs(x).toExponential().split("e");
  const digits = mantissa.replace(".", "");
  const exp = Number(expText);
  if (exp < -4 || exp >= 16) {
    const frac = digits.length > 1 ? `.${digits.slice(1)}` : "";
    const e = Math.abs(exp).toString().padStart(2, "0");
    return `${sign}${digits[0]}${frac}e${exp < 0 ? "-" : "+"}${e}`;
  }
  if (exp < 0) return `${sign}0.${"0".repeat(-exp - 1)}${digits}`;
  const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, "0");
  const fracPart = digits.slice(exp + 1);
  return `${sign}${intPart}.${fracPart === "" ? "0" : fracPart}`;
}

/** Python's repr of a str: single quotes unless the text holds ' and no ". */
export function stringRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    if (ch === "\\") out += "\\\\";
    else if (ch === quote) out += `\\${ch}`;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (ch < " " || ch === "\x7f") out += `\\x${ch.charCodeAt(0).toString(16).padStart(2, "0")}`;
    else out += ch;
  }
  return out + quote;
}

function numberRepr(x: number): string {
  if (Number.isSafeInteger(x)) return Object.is(x, -0) ? "0" : String(x);
  return floatRepr(x);
}

function ownToString(value: object): ((this: unknown) => unknown) | undefined {
  let proto: unknown = Object.getPrototypeOf(value);
  while (proto !== null && !isObjectPrototype(proto) && typeof proto === "object") {
    const desc = Object.getOwnPropertyDescriptor(proto, "toString");
    if (desc !== undefined && typeof desc.value === "function")
      return desc.value as (this: unknown) => unknown;
    proto = Object.getPrototypeOf(proto);
  }
  return undefined;
}

function repr(value: unknown, seen: Set<object>, depth: number): string {
  switch (typeof value) {
    case "string":
      return stringRepr(value);
    case "number":
      return numberRepr(value);
    case "bigint":
      return value.toString();
    case "boolean":
      return value ? "True" : "False";
    case "undefined":
      return "None";
    case "symbol":
      return value.toString();
    case "function":
      return `<function ${value.name || "<lambda>"}>`;
  }
  if (value === null) return "None";
  const obj = value as object;
  if (seen.has(obj)) return Array.isArray(obj) ? "[...]" : "{...}";
  if (depth >= MAX_DEPTH) return "...";
  seen.add(obj);
  try {
    return containerRepr(obj, seen, depth + 1);
  } finally {
    seen.delete(obj);
  }
}

function containerRepr(obj: object, seen: Set<object>, depth: number): string {
  const item = (v: unknown) => repr(v, seen, depth);
  if (Array.isArray(obj)) return `[${obj.map(item).join(", ")}]`;
  if (isError(obj)) {
    return `${obj.name}(${obj.message === "" ? "" : stringRepr(obj.message)})`;
  }
  if (isMap(obj)) {
    const parts: string[] = [];
    for (const [k, v] of obj) parts.push(`${item(k)}: ${item(v)}`);
    return `{${parts.join(", ")}}`;
  }
  if (isSet(obj)) {
    if (obj.size === 0) return "set()";
    return `{${[...obj].map(item).join(", ")}}`;
  }
  if (isPlainObject(obj)) {
    const parts = Object.keys(obj).map(
      (k) => `${stringRepr(k)}: ${item((obj as Record<string, unknown>)[k])}`,
    );
    return `{${parts.join(", ")}}`;
  }
  // ISO 8601 in UTC: the same text in every engine and time zone (toString depends on both).
  if (isDate(obj)) return Number.isNaN(obj.getTime()) ? "Invalid Date" : obj.toISOString();
  const custom = ownToString(obj);
  if (custom !== undefined) return String(custom.call(obj));
  return `<${pyClassName(obj.constructor)} object>`;
}
