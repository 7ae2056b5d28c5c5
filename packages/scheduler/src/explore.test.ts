import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { backtrack, explore, type Program, replay } from "./explore";
import { run } from "./runtime";
import { async_ } from "./test-helpers";

/** Three threads sharing cells, a lock, a queue and sleeps: many different interleavings. */
const busy: Program = ({ threading, queue, time, print }) => {
  const x = threading.shared(0, "x");
  const lock = new threading.Lock();
  const q = new queue.Queue(1);
  const producer = async_("producer", function* () {
    for (let i = 0; i < 3; i++) {
      yield q.put(i);
      const v = yield x.load();
      yield x.store(v + 1);
    }
  });
  const consumer = async_("consumer", function* () {
    for (let i = 0; i < 3; i++) {
      const item = yield q.get();
      yield lock.acquire();
      print(`got ${item} x=${yield x.load()}`);
      lock.release();
      if (i === 1) yield time.sleep(0.5);
    }
  });
  const ts = [producer, consumer, producer].map((f) => new threading.Thread({ target: f }));
  for (const t of ts) t.start();
  for (const t of ts) t.join();
  return x.value;
};

describe("explore and replay", () => {
  it("replays any recorded schedule to the identical result", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("random", "pct") as fc.Arbitrary<"random" | "pct">,
        fc.nat(10_000),
        (kind, seed) => {
          const strategy = kind === "random" ? { kind, seed } : { kind, seed, depth: 3, steps: 40 };
          const first = run(busy, { seed, threads: { strategy } });
          const again = replay(busy, first.schedule);
          expect(again).toEqual(first);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("gives the same result for the same seed, and different runs for different seeds", () => {
    const a = run(busy, { threads: { strategy: { kind: "random", seed: 7 } } });
    const b = run(busy, { threads: { strategy: { kind: "random", seed: 7 } } });
    expect(b).toEqual(a);
    const outputs = new Set<string>();
    for (let seed = 0; seed < 30; seed++) {
      const r = run(busy, { threads: { strategy: { kind: "random", seed } } });
      outputs.add(JSON.stringify(r.output.map((l) => l.text)));
    }
    expect(outputs.size).toBeGreaterThan(3);
  });

  it("returns the first counterexample with its seed, replayed with the trace", () => {
    const found = explore(busy, { strategy: "random", runs: 500, seed: 100 }, (r) => r.value === 6);
    // The producers' read-modify-write on x loses updates under some schedule.
    expect(found.ok).toBe(false);
    const ce = found.counterexample!;
    expect(ce.seed).toBe(100 + ce.run);
    expect(ce.result.trace.length).toBeGreaterThan(0);
    expect(replay(busy, ce.schedule).value).toBe(ce.result.value);
  });

  it("backtracks depth-first within the preemption bound", () => {
    // Two choice points of 2 candidates, the running thread runnable at both.
    expect(backtrack([0, 0], [2, 1, 2, 1], 1)).toEqual([0, 1]);
    expect(backtrack([0, 1], [2, 1, 2, 1], 1)).toEqual([1]);
    expect(backtrack([1, 0], [2, 1, 2, 1], 1)).toBeNull();
    expect(backtrack([1, 0], [2, 1, 2, 1], 2)).toEqual([1, 1]);
    // Switching when the running thread blocked is free.
    expect(backtrack([0, 0], [2, 0, 3, 0], 0)).toEqual([0, 1]);
  });
});
