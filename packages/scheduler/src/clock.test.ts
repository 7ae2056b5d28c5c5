import { describe, expect, it } from "vitest";
import { Clock, nsToSeconds, secondsToNs } from "./clock";

describe("clock", () => {
  it("converts seconds to whole nanoseconds without drift", () => {
    expect(secondsToNs(0.1)).toBe(100_000_000);
    expect(secondsToNs(0.1) + secondsToNs(0.2)).toBe(secondsToNs(0.3));
    expect(nsToSeconds(secondsToNs(1.5))).toBe(1.5);
    expect(secondsToNs(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
  });

  it("never moves backwards", () => {
    const clock = new Clock();
    clock.advanceTo(10);
    clock.advanceTo(5);
    expect(clock.now).toBe(10);
  });
});
