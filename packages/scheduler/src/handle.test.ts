import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Handle, TimerHeap } from "./handle";

const noop = () => {};

describe("TimerHeap", () => {
  it("pops timers in (deadline, insertion) order for any set of deadlines", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 200 }), (deadlines) => {
        const heap = new TimerHeap();
        for (const [seq, when] of deadlines.entries())
          heap.push(new Handle(noop, seq, undefined, when, seq, null));
        const popped: number[] = [];
        for (let h = heap.pop(); h !== undefined; h = heap.pop()) popped.push(h._seq);
        const expected = deadlines
          .map((when, seq) => ({ when, seq }))
          .sort((a, b) => a.when - b.when || a.seq - b.seq)
          .map((t) => t.seq);
        expect(popped).toEqual(expected);
      }),
    );
  });

  it("pops in (deadline, tick, insertion) order with pushes and pops interleaved", () => {
    const op = fc.oneof(
      fc.record({ when: fc.integer({ min: 0, max: 8 }), tick: fc.integer({ min: 0, max: 3 }) }),
      fc.constant("pop" as const),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const heap = new TimerHeap();
        const model: { when: number; tick: number; seq: number }[] = [];
        let seq = 0;
        for (const o of ops) {
          if (o === "pop") {
            model.sort((a, b) => a.when - b.when || a.tick - b.tick || a.seq - b.seq);
            expect(heap.pop()?._seq).toBe(model.shift()?.seq);
          } else {
            const h = new Handle(noop, undefined, undefined, o.when, seq, null);
            h._tick = o.tick;
            heap.push(h);
            model.push({ ...o, seq: seq++ });
          }
          expect(heap.size).toBe(model.length);
        }
      }),
    );
  });

  it("filters out handles and keeps the order of the rest", () => {
    const heap = new TimerHeap();
    for (let i = 0; i < 10; i++) heap.push(new Handle(noop, i, undefined, 10 - i, i, null));
    heap.filter((h) => h._seq % 2 === 0);
    const popped: number[] = [];
    for (let h = heap.pop(); h !== undefined; h = heap.pop()) popped.push(h._seq);
    expect(popped).toEqual([8, 6, 4, 2, 0]);
  });
});
