import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS, resolveLimits, stopMessage } from "./limits";

describe("limits", () => {
  it("fills in the defaults and takes overrides", () => {
    expect(resolveLimits()).toEqual(DEFAULT_LIMITS);
    expect(resolveLimits({ deadlineMs: 500 }).deadlineMs).toBe(500);
  });

  it("rejects limits that are not positive numbers", () => {
    expect(() => resolveLimits({ deadlineMs: 0 })).toThrow(RangeError);
    expect(() => resolveLimits({ memoryBytes: Number.NaN })).toThrow(/memoryBytes/);
  });

  it("tells a beginner what happened and the likely cause", () => {
    const limits = resolveLimits();
    expect(stopMessage("deadline", limits)).toMatch(
      /^Your program ran for more than 2 s of real time and was stopped\. Look for a loop/,
    );
    expect(stopMessage("memory", limits)).toMatch(/more than 128 MB of memory/);
    expect(stopMessage("output", limits)).toMatch(/more than 1,000,000 characters/);
  });
});
