import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { debounce } from "./drafts";

describe("debounce", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("saves only the last value, once, after a quiet period", () => {
    const saved: string[] = [];
    const saver = debounce((v: string) => saved.push(v), 500);
    saver.push("a");
    vi.advanceTimersByTime(300);
    saver.push("ab");
    vi.advanceTimersByTime(499);
    expect(saved).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(saved).toEqual(["ab"]);
  });

  it("flushes a pending value at once, and never saves a cancelled one", () => {
    const saved: string[] = [];
    const saver = debounce((v: string) => saved.push(v), 500);
    saver.push("x");
    saver.flush();
    expect(saved).toEqual(["x"]);
    saver.push("y");
    saver.cancel();
    vi.advanceTimersByTime(1000);
    expect(saved).toEqual(["x"]);
  });
});
