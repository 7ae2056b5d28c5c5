import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { isDate, isError, isMap, isPlainObject, isSet } from "./brands";
import { pyRepr, pyStr } from "./format";
import { structuredCopy } from "./structured-copy";

/** Values made in another realm, as a child process's context makes them in the sandbox. */
const foreign = runInNewContext(`({
  dict: { a: 1, nested: [1, { b: 2 }] },
  map: new Map([["k", 1]]),
  set: new Set([1, 2]),
  date: new Date(0),
  error: new TypeError("boom"),
  instance: new (class Point { constructor() { this.x = 1; } })(),
})`) as Record<string, object>;

describe("built-ins of another realm", () => {
  it("are recognised by what they are, not by this realm's prototypes", () => {
    expect(foreign.map instanceof Map).toBe(false);
    expect(isMap(foreign.map!)).toBe(true);
    expect(isSet(foreign.set!)).toBe(true);
    expect(isDate(foreign.date!)).toBe(true);
    expect(isError(foreign.error)).toBe(true);
    expect(isPlainObject(foreign.dict!)).toBe(true);
    expect(isPlainObject(foreign.instance!)).toBe(false);
    expect(isMap(foreign.set!)).toBe(false);
    expect(isError({ message: "not an error" })).toBe(false);
  });

  it("print exactly as this realm's do", () => {
    for (const key of ["dict", "map", "set", "date", "error"]) {
      const here = runInThisRealm(key);
      expect(pyRepr(foreign[key])).toBe(pyRepr(here));
      expect(pyStr(foreign[key])).toBe(pyStr(here));
    }
    expect(pyRepr(foreign.dict)).toBe("{'a': 1, 'nested': [1, {'b': 2}]}");
    expect(pyStr(foreign.error)).toBe("boom");
  });

  it("are copied between processes into this realm's own kinds", () => {
    const copy = structuredCopy(foreign) as Record<string, object>;
    expect(copy.map).toBeInstanceOf(Map);
    expect([...(copy.map as Map<string, number>)]).toEqual([["k", 1]]);
    expect(copy.set).toBeInstanceOf(Set);
    expect(copy.date).toBeInstanceOf(Date);
    expect((copy.date as Date).getTime()).toBe(0);
    expect(copy.error).toBeInstanceOf(TypeError);
    expect((copy.error as Error).message).toBe("boom");
    expect(Object.getPrototypeOf(copy.dict)).toBe(Object.prototype);
  });
});

describe("dates", () => {
  it("print in ISO 8601 UTC, the same in every engine and time zone", () => {
    expect(pyStr(new Date(Date.UTC(2026, 0, 1, 12, 30)))).toBe("2026-01-01T12:30:00.000Z");
    expect(pyRepr([new Date(Number.NaN)])).toBe("[Invalid Date]");
  });
});

function runInThisRealm(key: string): unknown {
  const values: Record<string, unknown> = {
    dict: { a: 1, nested: [1, { b: 2 }] },
    map: new Map([["k", 1]]),
    set: new Set([1, 2]),
    date: new Date(0),
    error: new TypeError("boom"),
  };
  return values[key];
}
