import { describe, expect, it } from "vitest";
import { CancelledError, ValueError } from "./errors";
import { floatRepr, pyRepr, pyStr } from "./format";

describe("Python formatting", () => {
  it("prints numbers as Python ints and floats", () => {
    expect(pyStr(1)).toBe("1");
    expect(pyStr(-0)).toBe("0");
    expect(pyStr(0.5)).toBe("0.5");
    expect(pyStr(0.1 + 0.2)).toBe("0.30000000000000004");
    expect(floatRepr(1e-5)).toBe("1e-05");
    expect(floatRepr(0.0001)).toBe("0.0001");
    expect(floatRepr(1e16)).toBe("1e+16");
    expect(floatRepr(1.5e22)).toBe("1.5e+22");
    expect(floatRepr(123456.789)).toBe("123456.789");
    expect(floatRepr(2)).toBe("2.0");
    expect(pyStr(Number.NaN)).toBe("nan");
    expect(pyStr(Number.NEGATIVE_INFINITY)).toBe("-inf");
  });

  it("prints None, booleans, lists, dicts and sets as Python does", () => {
    expect(pyStr(null)).toBe("None");
    expect(pyStr(undefined)).toBe("None");
    expect(pyStr(true)).toBe("True");
    expect(pyStr([1, "a", [false, null]])).toBe("[1, 'a', [False, None]]");
    expect(pyStr({ a: 1, "it's": "x" })).toBe(`{'a': 1, "it's": 'x'}`);
    expect(pyStr(new Map([["k", 2]]))).toBe("{'k': 2}");
    expect(pyStr(new Set())).toBe("set()");
    expect(pyStr(new Set([1, 2]))).toBe("{1, 2}");
  });

  it("prints errors as str() and repr() do", () => {
    expect(pyStr(new ValueError("boom"))).toBe("boom");
    expect(pyRepr(new ValueError("boom"))).toBe("ValueError('boom')");
    expect(pyRepr(new CancelledError())).toBe("CancelledError()");
  });

  it("survives cycles and prints class instances by name", () => {
    const a: unknown[] = [1];
    a.push(a);
    expect(pyStr(a)).toBe("[1, [...]]");
    class Point {}
    expect(pyStr(new Point())).toBe("<Point object>");
  });
});
