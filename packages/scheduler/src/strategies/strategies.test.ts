import { describe, expect, it } from "vitest";
import { PctStrategy } from "./pct";
import { Prng } from "./prng";
import { RandomStrategy } from "./random";
import { ReplayStrategy } from "./replay";
import { RoundRobin } from "./round-robin";
import type { ChoicePoint } from "./strategy";

const point = (ids: number[], currentRunnable: boolean, step = 1): ChoicePoint => ({
  candidates: ids.map((id) => ({ id })),
  currentRunnable,
  step,
});

describe("strategies", () => {
  it("Prng gives the same numbers for the same seed, in [0, 1)", () => {
    const a = new Prng(42);
    const b = new Prng(42);
    const xs = Array.from({ length: 100 }, () => a.next());
    expect(Array.from({ length: 100 }, () => b.next())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(xs).size).toBe(100);
  });

  it("round-robin keeps the running thread for opsPerSwitch points, then takes the next id", () => {
    const rr = new RoundRobin(3);
    // Thread 2 runs; 1 and 3 wait.
    expect([rr.choose(point([2, 1, 3], true)), rr.choose(point([2, 1, 3], true))]).toEqual([0, 0]);
    expect(rr.choose(point([2, 1, 3], true))).toBe(2); // thread 3, the next id after 2
    expect(new RoundRobin(1).choose(point([3, 1, 2], true))).toBe(1); // wraps around to thread 1
    expect(new RoundRobin(5).choose(point([4, 7], false))).toBe(0); // the running thread blocked
  });

  it("random and PCT are reproducible from their seed", () => {
    const picks = (make: () => { choose(p: ChoicePoint): number; onSpawn?(id: number): void }) => {
      const s = make();
      for (const id of [1, 2, 3]) s.onSpawn?.(id);
      return Array.from({ length: 50 }, (_, i) => s.choose(point([1, 2, 3], true, i + 1)));
    };
    expect(picks(() => new RandomStrategy(9))).toEqual(picks(() => new RandomStrategy(9)));
    expect(picks(() => new PctStrategy(9, 3, 50))).toEqual(picks(() => new PctStrategy(9, 3, 50)));
  });

  it("PCT runs the highest-priority thread until a change point lowers it", () => {
    // With depth 1 there is no change point: one thread always wins while it can run.
    const pct = new PctStrategy(5, 1, 10);
    for (const id of [1, 2]) pct.onSpawn(id);
    const first = pct.choose(point([1, 2], false));
    const winner = first === 0 ? 1 : 2;
    for (let step = 2; step < 20; step++) {
      const order = winner === 1 ? [1, 2] : [2, 1];
      expect(pct.choose(point(order, true, step))).toBe(0);
    }
  });

  it("replay returns the recorded choices, then 0, and records what it saw", () => {
    const r = new ReplayStrategy([1, 2], "random");
    expect(r.name).toBe("random");
    expect([
      r.choose(point([1, 2], true)),
      r.choose(point([1, 2, 3], false)),
      r.choose(point([1, 2], true)),
    ]).toEqual([1, 2, 0]);
    expect(r.seen).toEqual([2, 1, 3, 0, 2, 1]);
  });
});
