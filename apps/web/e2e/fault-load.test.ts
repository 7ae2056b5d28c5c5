/**
 * The short version of `npm run load`: a few seconds of signed-in students submitting a mix of the
 * course's programs (some hostile) to the production build, more at once than the grading queue
 * admits. Asserts behaviour only, never speed: every answer is a grading or a deliberate refusal
 * (no 5xx but the busy 503s), pages are served while the queue is full, the pool loses no worker
 * for good, and what is alive on the heaps a leak would grow (the server thread's after a collection,
 * the workers' WebAssembly and V8) is no more after a second round than after the first. Not the
 * resident size: in 6 s it is still climbing to where the allocator settles (docs/reliability.md).
 */
import { describe, expect, it } from "vitest";
import { runScenario } from "../load/scenario";

describe("a short load run", () => {
  it("grades or refuses with 503 + Retry-After, serves pages meanwhile, and keeps its memory", async () => {
    const { report, soak, memory, serverErrors } = await runScenario({
      students: 6,
      concurrency: 24,
      durationMs: 6_000,
      maxSubmits: 600,
      warmUpMs: 2_000,
      soakRounds: 1,
      soakMs: 6_000,
      settleMs: 1_500,
    });
    for (const round of [report, ...soak]) {
      expect(round.unexpected5xx).toBe(0);
      expect(round.failures).toBe(0);
      expect(round.pageErrors).toBe(0);
      expect(Object.keys(round.statuses).every((s) => s === "200" || s === "503")).toBe(true);
    }
    // More students at once than the queue admits: some were told to come back.
    expect(report.statuses["503"] ?? 0).toBeGreaterThan(0);
    expect(report.statuses["200"] ?? 0).toBeGreaterThan(0);
    // Hostile programs were graded as failing, never as passing.
    expect(Object.keys(report.results).some((k) => k.startsWith("hostile:pass"))).toBe(false);
    // The grading queue was full for a while, and pages were served all along (no errors above).
    expect(report.saturated).toBeGreaterThan(0);
    expect(report.pages).toBeGreaterThan(0);
    // A second round leaves alive what the first did (a margin for caches filling and noise).
    const [, afterRun, afterSoak] = memory.liveHeapMb;
    expect(afterSoak!).toBeLessThanOrEqual(afterRun! * 1.1 + 16);
    expect(serverErrors).toEqual([]);
  }, 120_000);
});
