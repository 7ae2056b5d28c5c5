import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type InterleaveModule, run } from "./runtime";
import { async_ } from "./testing";

/** A small random program: tasks that sleep, yield, take a shared lock, set and wait on events. */
type Op =
  | { kind: "sleep"; delay: number }
  | { kind: "yield" }
  | { kind: "lock"; hold: number }
  | { kind: "set"; event: number }
  | { kind: "wait"; event: number; timeout: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant("sleep" as const),
    delay: fc.integer({ min: 0, max: 2000 }).map((ms) => ms / 1000),
  }),
  fc.record({ kind: fc.constant("yield" as const) }),
  fc.record({
    kind: fc.constant("lock" as const),
    hold: fc.integer({ min: 0, max: 500 }).map((ms) => ms / 1000),
  }),
  fc.record({ kind: fc.constant("set" as const), event: fc.integer({ min: 0, max: 2 }) }),
  fc.record({
    kind: fc.constant("wait" as const),
    event: fc.integer({ min: 0, max: 2 }),
    timeout: fc.integer({ min: 1, max: 1000 }).map((ms) => ms / 1000),
  }),
);
const programs = fc.array(fc.array(op, { maxLength: 8 }), { minLength: 1, maxLength: 6 });

function program(tasks: Op[][]) {
  return ({ asyncio, print }: InterleaveModule) => {
    const lock = new asyncio.Lock();
    const events = [new asyncio.Event(), new asyncio.Event(), new asyncio.Event()];
    const worker = async_("worker", function* (id: number, ops: Op[]) {
      for (const o of ops) {
        if (o.kind === "sleep") yield asyncio.sleep(o.delay);
        else if (o.kind === "yield") yield asyncio.sleep(0);
        else if (o.kind === "set") events[o.event]!.set();
        else if (o.kind === "wait") {
          try {
            yield asyncio.wait_for(events[o.event]!.wait(), o.timeout);
          } catch {
            print(`${id} timed out`);
          }
        } else {
          yield lock.acquire();
          try {
            yield asyncio.sleep(o.hold);
          } finally {
            lock.release();
          }
        }
        print(`${id} did ${o.kind}`);
      }
    });
    asyncio.run(
      async_("main", function* () {
        yield asyncio.gather(...tasks.map((ops, id) => worker(id, ops)));
      })(),
    );
  };
}

describe("determinism", () => {
  it("gives the same program the same result, trace and time, run after run", () => {
    fc.assert(
      fc.property(programs, (tasks) => {
        const first = run(program(tasks));
        const second = run(program(tasks));
        expect(second).toEqual(first);
        expect(first.status).toBe("ok");
      }),
      { numRuns: 40 },
    );
  });

  it("never moves virtual time backwards, in the trace or in the output", () => {
    fc.assert(
      fc.property(programs, (tasks) => {
        const result = run(program(tasks));
        for (const events of [result.trace, result.output]) {
          for (let i = 1; i < events.length; i++)
            expect(events[i]!.time).toBeGreaterThanOrEqual(events[i - 1]!.time);
        }
        expect(result.time).toBeGreaterThanOrEqual(result.output.at(-1)?.time ?? 0);
      }),
      { numRuns: 40 },
    );
  });

  it("wakes sleepers set at one instant in (deadline, order set) order", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 30 }), (delays) => {
        const result = run(({ asyncio, print }) => {
          const sleeper = async_("sleeper", function* (i: number, d: number) {
            yield asyncio.sleep(d);
            print(i);
          });
          asyncio.run(
            async_("main", function* () {
              yield asyncio.gather(...delays.map((d, i) => sleeper(i, d)));
            })(),
          );
        });
        const expected = delays
          .map((d, i) => ({ d, i }))
          .sort((a, b) => a.d - b.d || a.i - b.i)
          .map((x) => String(x.i));
        expect(result.output.map((l) => l.text)).toEqual(expected);
      }),
      { numRuns: 40 },
    );
  });
});
