import { describe, expect, it } from "vitest";
import { markShared, structuredCopy } from "./structured-copy";

describe("structuredCopy", () => {
  it("copies plain data deeply, keeps cycles, classes and errors, and passes shared objects as themselves", () => {
    class Point {
      constructor(
        public x: number,
        public y: number,
      ) {}
      norm() {
        return Math.hypot(this.x, this.y);
      }
    }
    const shared = markShared({ channel: 1 });
    const value: Record<string, unknown> = {
      list: [1, [2, 3]],
      map: new Map([["a", { n: 1 }]]),
      set: new Set([1, 2]),
      point: new Point(3, 4),
      error: new RangeError("bad"),
      shared,
    };
    value.self = value;
    const copy = structuredCopy(value);
    expect(copy).not.toBe(value);
    expect(copy.list).toEqual([1, [2, 3]]);
    expect(copy.list).not.toBe(value.list);
    expect((copy.map as Map<string, { n: number }>).get("a")).toEqual({ n: 1 });
    expect((copy.point as Point).norm()).toBe(5);
    expect((copy.error as Error).message).toBe("bad");
    expect(copy.error).toBeInstanceOf(RangeError);
    expect(copy.self).toBe(copy);
    expect(copy.shared).toBe(shared);
  });
});
