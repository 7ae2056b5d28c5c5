import { describe, expect, it } from "vitest";
import { PACING_WINDOW_MS, RetryPacer } from "./retry-pacing";

/** Runs windows of `refused` refusals and `finished` gradings each; returns the stretch after. */
function windows(pacer: RetryPacer, start: number, count: number, refused: number, finished: number): number {
  let t = start;
  for (let w = 0; w < count; w++) {
    for (let i = 0; i < refused; i++) pacer.refused(t);
    for (let i = 0; i < finished; i++) pacer.finished(t);
    t += PACING_WINDOW_MS;
  }
  pacer.finished(t); // closes the last window
  return pacer.stretch;
}

describe("RetryPacer", () => {
  it("does not stretch the retry time while refusals do not outnumber finished gradings", () => {
    expect(windows(new RetryPacer(0), 0, 10, 20, 20)).toBe(1);
    expect(windows(new RetryPacer(0), 0, 10, 0, 20)).toBe(1);
  });

  it("stretches it while four times as many students are refused as gradings finish, up to a bound", () => {
    expect(windows(new RetryPacer(0), 0, 1, 80, 20)).toBe(2);
    expect(windows(new RetryPacer(0), 0, 2, 80, 20)).toBe(4);
    expect(windows(new RetryPacer(0), 0, 10, 80, 20)).toBe(16);
  });

  it("relaxes it when the refusals stop, and forgets it after a quiet spell", () => {
    const pacer = new RetryPacer(0);
    windows(pacer, 0, 3, 80, 20);
    expect(pacer.stretch).toBe(8);
    expect(windows(pacer, 3 * PACING_WINDOW_MS, 1, 0, 20)).toBe(4);
    pacer.refused(10 * PACING_WINDOW_MS);
    expect(pacer.stretch).toBe(1);
  });
});
