import { describe, expect, it } from "vitest";
import { explore, type Program } from "./explore";
import { run } from "./runtime";
import { async_ } from "./test-helpers";

/** `n` philosophers, `n` forks; `ordered` picks the lower-numbered fork first. */
function philosophers(ordered: boolean, think: number, n = 5): Program {
  return ({ threading, time, print }) => {
    const forks = Array.from({ length: n }, () => new threading.Lock());
    const dine = async_("dine", function* (i: number) {
      let first = i;
      let second = (i + 1) % n;
      if (ordered && second < first) [first, second] = [second, first];
      yield forks[first]!.acquire();
      if (think > 0) yield time.sleep(think);
      yield forks[second]!.acquire();
      print(`philosopher ${i} eats`);
      forks[second]!.release();
      forks[first]!.release();
    });
    const ts = Array.from(
      { length: n },
      (_, i) => new threading.Thread({ target: dine, args: [i], name: `P${i}` }),
    );
    for (const t of ts) t.start();
    for (const t of ts) t.join();
  };
}

describe("deadlock detection", () => {
  it("reports the wait-for cycle of five dining philosophers", () => {
    const result = run(philosophers(false, 0.1));
    expect(result.status).toBe("deadlock");
    expect(result.time).toBe(0.1);
    expect(result.deadlock?.cycle).toEqual([
      { thread: "P0", waitsFor: "Lock-2", heldBy: "P1" },
      { thread: "P1", waitsFor: "Lock-3", heldBy: "P2" },
      { thread: "P2", waitsFor: "Lock-4", heldBy: "P3" },
      { thread: "P3", waitsFor: "Lock-5", heldBy: "P4" },
      { thread: "P4", waitsFor: "Lock-1", heldBy: "P0" },
    ]);
    expect(result.error?.message).toContain("P0 holds Lock-1 and waits for Lock-2 (held by P1)");
    expect(result.deadlock?.threads).toContainEqual({
      thread: "MainThread",
      process: "MainProcess",
      waitsOn: "join(P0)",
      holds: [],
    });
  });

  it("lets philosophers who take ordered forks all eat", () => {
    const result = run(philosophers(true, 0.1));
    expect(result.status).toBe("ok");
    expect(result.output).toHaveLength(5);
  });

  it("finds the deadlock by search, and none with ordered forks", () => {
    const none = (r: { status: string }) => r.status === "ok";
    for (const strategy of ["random", "pct"] as const) {
      expect(explore(philosophers(false, 0), { strategy, runs: 1000 }, none)).toMatchObject({ ok: false });
      expect(explore(philosophers(true, 0), { strategy, runs: 300 }, none)).toMatchObject({ ok: true });
    }
    // Three philosophers need two preemptions to deadlock; search finds them, and proves the fix.
    const found = explore(philosophers(false, 0, 3), { strategy: "dfs", preemptions: 2 }, none);
    expect(found.ok).toBe(false);
    expect(found.counterexample?.result.deadlock?.cycle).toHaveLength(3);
    const fixed = explore(philosophers(true, 0, 3), { strategy: "dfs", preemptions: 2, runs: 100_000 }, none);
    expect(fixed).toMatchObject({ ok: true, exhausted: true });
  });

  it("names threads blocked forever when there is no cycle", () => {
    const result = run(({ threading }) => {
      const never = new threading.Event();
      const wait = async_("wait", function* () {
        yield never.wait();
      });
      const t = new threading.Thread({ target: wait });
      t.start();
      t.join();
    });
    expect(result.status).toBe("deadlock");
    expect(result.deadlock?.cycle).toBeNull();
    expect(result.deadlock?.threads?.map((t) => `${t.thread}: ${t.waitsOn}`)).toEqual([
      "MainThread: join(Thread-1 (wait))",
      "Thread-1 (wait): Event.wait()",
    ]);
  });

  it("sees a thread that acquires a plain Lock twice deadlock with itself", () => {
    const result = run(({ threading }) => {
      const lock = new threading.Lock();
      lock.acquire();
      lock.acquire();
    });
    expect(result.status).toBe("deadlock");
    expect(result.deadlock?.cycle).toEqual([
      { thread: "MainThread", waitsFor: "Lock-1", heldBy: "MainThread" },
    ]);
  });
});
