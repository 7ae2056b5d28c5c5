import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sleep0Shortcut } from "./loop";
import type { RunResult } from "./result";
import { type InterleaveModule, type RuntimeOptions, run } from "./runtime";
import { async_ } from "./testing";

/** A small random program: tasks that sleep, yield, take a shared lock, set and wait on events. */
type Op =
  | { kind: "sleep"; delay: number }
  | { kind: "yield" }
  | { kind: "yields"; count: number }
  | { kind: "soon" }
  | { kind: "later0" }
  | { kind: "forget" }
  | { kind: "cancel-self" }
  | { kind: "lock"; hold: number }
  | { kind: "set"; event: number }
  | { kind: "wait"; event: number; timeout: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant("sleep" as const),
    delay: fc.integer({ min: 0, max: 2000 }).map((ms) => ms / 1000),
  }),
  fc.record({ kind: fc.constant("yield" as const) }),
  fc.record({ kind: fc.constant("yields" as const), count: fc.integer({ min: 2, max: 6 }) }),
  fc.record({ kind: fc.constant("soon" as const) }),
  fc.record({ kind: fc.constant("later0" as const) }),
  fc.record({ kind: fc.constant("forget" as const) }),
  fc.record({ kind: fc.constant("cancel-self" as const) }),
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
        else if (o.kind === "yields") {
          for (let i = 0; i < o.count; i++) print(`${id} got ${yield asyncio.sleep(0, i)}`);
        } else if (o.kind === "soon") asyncio.get_running_loop().call_soon(() => print(`${id} called soon`));
        else if (o.kind === "later0")
          asyncio.get_running_loop().call_later(0, () => print(`${id} called later`));
        else if (o.kind === "forget")
          asyncio.sleep(1); // never awaited: a warning names who made it
        else if (o.kind === "cancel-self") {
          asyncio.current_task()!.cancel();
          try {
            yield asyncio.sleep(0);
          } catch {
            print(`${id} cancelled`);
          }
        } else if (o.kind === "set") events[o.event]!.set();
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

/**
 * A program's runs with task.ts's sleep(0) shortcut off, then on, traced (both from one call
 * site: the stacks of errors must match).
 */
function bothWays(body: (module: InterleaveModule) => unknown, options: RuntimeOptions = {}): RunResult[] {
  return [false, true].map((enabled) => {
    sleep0Shortcut.enabled = enabled;
    try {
      return run(body, { trace: true, ...options });
    } finally {
      sleep0Shortcut.enabled = true;
    }
  });
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

  it("runs a task alone on sleep(0) without the loop's passes and changes nothing by it", () => {
    // step() takes the next pass itself when it would run nothing but the same task
    // (task.ts, nextPassRunsOnly): the result, trace, counts and time must be the loop's own.
    fc.assert(
      fc.property(programs, (tasks) => {
        const [off, on] = bothWays(program(tasks));
        expect(off).toEqual(on);
      }),
      { numRuns: 60 },
    );
  });

  it("takes the shortcut only where the loop's pass would have had nothing else to do", () => {
    // Each program yields once (so the task has its resume handle), then makes the next pass
    // non-trivial in one way, then yields again alone: with and without the shortcut, the same.
    type Body = (m: InterleaveModule, id: string) => Generator<unknown, unknown, unknown>;
    const cases: Record<string, Body> = {
      "a timer due now": function* ({ asyncio, print }) {
        asyncio.get_running_loop().call_later(0, () => print("timer"));
        for (let i = 0; i < 3; i++) print(yield asyncio.sleep(0, i));
      },
      "a callback ready": function* ({ asyncio, print }) {
        asyncio.get_running_loop().call_soon(() => print("soon"));
        for (let i = 0; i < 3; i++) print(yield asyncio.sleep(0, i));
      },
      "a coroutine never awaited": function* ({ asyncio, print }, id) {
        asyncio.sleep(1);
        for (let i = 0; i < 3; i++) print(id, yield asyncio.sleep(0, i));
      },
      "a blocking call": function* ({ asyncio, time, print }) {
        time.sleep(0.5);
        for (let i = 0; i < 3; i++) print(yield asyncio.sleep(0, i));
      },
      "the task cancelled": function* ({ asyncio, print }) {
        asyncio.current_task()!.cancel();
        try {
          yield asyncio.sleep(0);
        } catch {
          print("cancelled");
        }
        yield asyncio.sleep(0);
      },
      "the loop stopped": function* ({ asyncio }) {
        asyncio.get_running_loop().stop();
        for (let i = 0; i < 3; i++) yield asyncio.sleep(0);
      },
      "the step limit": function* ({ asyncio }) {
        for (;;) yield asyncio.sleep(0);
      },
    };
    for (const [name, body] of Object.entries(cases)) {
      const program = (m: InterleaveModule) => {
        const { asyncio } = m;
        const task = async_("task", function* (id: string) {
          yield asyncio.sleep(0);
          yield* body(m, id);
        });
        asyncio.run(
          async_("main", function* () {
            // A second task that starts later, so that a warning's author and time are telling.
            yield asyncio.gather(
              task("first"),
              async_("late", function* () {
                yield asyncio.sleep(1);
                yield task("second");
              })(),
            );
          })(),
        );
      };
      const [off, on] = bothWays(program, { limits: { maxSteps: 200 } });
      expect(off, name).toEqual(on);
    }
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
