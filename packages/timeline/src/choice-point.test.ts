import type { RunResult } from "@interleave/scheduler";
import { describe, expect, it } from "vitest";
import { type ChoiceRunner, divergence, probeChoicePoint, runUntil } from "./choice-point";
import { lostUpdates } from "./races";
import { findBreakingSchedule } from "./schedule-search";
import { exercise, PHILOSOPHERS, runSource } from "./test-programs";

/** A runner that replays choices on the scheduler in Node, as the browser's sandbox does. */
function runnerFor(source: string): ChoiceRunner & { runs: number } {
  const runner = async (choices: readonly number[]): Promise<RunResult> => {
    runner.runs++;
    return runSource(source, { threads: { strategy: { kind: "replay", choices } } });
  };
  runner.runs = 0;
  return runner;
}

const labels = (o: { options: { label: string }[] } | null) => o?.options.map((x) => x.label);

describe("probeChoicePoint", () => {
  it("offers the four workers of lost-update once the main thread waits in join()", async () => {
    const runner = runnerFor(exercise("08-race-conditions/lost-update/starter.ts"));
    const { result, point } = await probeChoicePoint(runner, []);
    expect(result.output.map((l) => l.text)).toEqual(["count = 100"]);
    expect(point).not.toBeNull();
    expect(labels(point)).toEqual([
      "Thread-1 (add_visits)",
      "Thread-2 (add_visits)",
      "Thread-3 (add_visits)",
      "Thread-4 (add_visits)",
    ]);
    // Nobody ran yet: picking any of them is not a preemption.
    expect(point!.options.every((o) => !o.continues)).toBe(true);
    expect(point!.options[1]!.next).toBe("Thread-2 (add_visits) reads count and sees 0.");
    // The world at the point: the main thread has just started to wait.
    expect(result.trace[point!.step]).toMatchObject({ kind: "block", thread: "MainThread" });
    // Four candidates: probes 0..3, and probe 4 was clamped.
    expect(runner.runs).toBe(5);
  });

  it("drives the lost update by hand: both read 0, both write 1, and the run ends with 99", async () => {
    const runner = runnerFor(exercise("08-race-conditions/lost-update/starter.ts"));
    const prefix: number[] = [];
    const pick = async (label: string) => {
      const { point } = await probeChoicePoint(runner, prefix);
      const option = point!.options.find((o) => o.label === label)!;
      prefix.push(option.index);
      return option;
    };
    expect((await pick("Thread-1 (add_visits)")).next).toBe("Thread-1 (add_visits) reads count and sees 0.");
    const second = await pick("Thread-2 (add_visits)");
    expect(second.next).toBe("Thread-2 (add_visits) reads count and sees 0.");
    const back = await pick("Thread-1 (add_visits)");
    expect(back).toMatchObject({ continues: false, next: "Thread-1 (add_visits) writes 1 to count." });
    // Thread-1 ran last, so it is candidate 0: staying with it is no preemption.
    const { point } = await probeChoicePoint(runner, prefix);
    expect(point!.options[0]).toMatchObject({ label: "Thread-1 (add_visits)", continues: true });
    await pick("Thread-2 (add_visits)");

    const { result, point: next } = await probeChoicePoint(runner, prefix);
    const sofar = runUntil(result, next!.step + 1);
    const lost = lostUpdates(sofar);
    expect(lost).toHaveLength(1);
    expect(lost[0]).toMatchObject({ cell: "count", writer: "Thread-2 (add_visits)", value: "1" });
    expect(lost[0]!.description).toBe(
      "Thread-2 (add_visits) wrote 1 to count, computed from the 0 it had read, overwriting the 1 that " +
        "Thread-1 (add_visits) wrote: one update was lost.",
    );
    // Nobody preempted from here on: the lost visit shows in the final count.
    expect(result.output.map((l) => l.text)).toEqual(["count = 99"]);
    expect(sofar.trace).toHaveLength(next!.step + 1);
  });

  it("says the run is over when no choice is left", async () => {
    const runner = runnerFor(exercise("08-race-conditions/lost-update/starter.ts"));
    const { result } = await probeChoicePoint(runner, []);
    const all = result.schedule.choices;
    const end = await probeChoicePoint(runner, all);
    expect(end.point).toBeNull();
    expect(end.result.output.map((l) => l.text)).toEqual(["count = 100"]);
  });

  it("caps the options it probes and says so", async () => {
    const runner = runnerFor(exercise("08-race-conditions/lost-update/starter.ts"));
    const { point } = await probeChoicePoint(runner, [], 2);
    expect(labels(point)).toEqual(["Thread-1 (add_visits)", "Thread-2 (add_visits)"]);
    expect(point!.truncated).toBe(true);
  });

  it("reaches the philosophers' deadlock, whose result carries the cycle", async () => {
    const runner = runnerFor(PHILOSOPHERS);
    const { result, point } = await probeChoicePoint(runner, []);
    expect(result.status).toBe("deadlock");
    expect(point!.options.map((o) => o.label)).toContain("P0");
  });
});

describe("lostUpdates", () => {
  it("finds none when every write builds on the latest value (lost-update's solution)", () => {
    const fixed = runSource(exercise("08-race-conditions/lost-update/solution.ts"), {
      threads: { strategy: { kind: "random", seed: 3 } },
    });
    expect(fixed.output.map((l) => l.text)).toEqual(["count = 100"]);
    expect(lostUpdates(fixed)).toEqual([]);
  });

  it("finds the overwrites behind a count below 100 under a random schedule", () => {
    const racy = runSource(exercise("08-race-conditions/lost-update/starter.ts"), {
      threads: { strategy: { kind: "random", seed: 3 } },
    });
    const final = Number(/count = (\d+)/.exec(racy.output[0]!.text)![1]);
    expect(final).toBeLessThan(100);
    const lost = lostUpdates(racy);
    expect(lost.length).toBeGreaterThan(0);
    // Each overwrite writes one more than a value that was no longer the counter's.
    for (const l of lost) expect(Number(l.value)).toBe(Number(l.read) + 1);
    expect(lost.every((l) => l.writer !== l.overwritten)).toBe(true);
  });
});

describe("divergence", () => {
  it("is the common length of identical traces", () => {
    const r = runSource(PHILOSOPHERS);
    expect(divergence(r.trace, r.trace)).toBe(r.trace.length);
  });
});

describe("findBreakingSchedule", () => {
  it("finds lost-update's smallest break: one changed choice, right after Thread-1's first read", async () => {
    const source = exercise("08-race-conditions/lost-update/starter.ts");
    const runner = runnerFor(source);
    const base = await runner([]);
    const found = await findBreakingSchedule(runner, (r) => r.output[0]?.text !== base.output[0]?.text);
    expect(found).toMatchObject({ choices: [0, 1], changes: 1 });
    // Thread-2 runs its 25 visits between Thread-1's read of 0 and its write of 1: all 25 are lost.
    expect(found!.result.output.map((l) => l.text)).toEqual(["count = 75"]);
    expect(lostUpdates(found!.result).length).toBeGreaterThan(0);
  });

  it("returns the default schedule when it already breaks (the philosophers deadlock)", async () => {
    const found = await findBreakingSchedule(runnerFor(PHILOSOPHERS), (r) => r.status === "deadlock");
    expect(found).toMatchObject({ choices: [], changes: 0, runs: 1 });
  });

  it("gives up within its budget when nothing breaks (lost-update's solution)", async () => {
    const runner = runnerFor(exercise("08-race-conditions/lost-update/solution.ts"));
    const found = await findBreakingSchedule(runner, (r) => r.output[0]?.text !== "count = 100", {
      maxRuns: 30,
    });
    expect(found).toBeNull();
    expect(runner.runs).toBe(30);
  });
});
