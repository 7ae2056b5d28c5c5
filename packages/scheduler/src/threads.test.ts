import { describe, expect, it } from "vitest";
import { explore, type Program } from "./explore";
import { run } from "./runtime";
import { async_ } from "./test-helpers";

/** Two threads each add 1 to a shared counter `n` times: read, preemption point, write. */
export function counter(n: number, locked: boolean): Program {
  return ({ threading }) => {
    const count = threading.shared(0, "count");
    const lock = new threading.Lock();
    const increment = async_("increment", function* () {
      for (let i = 0; i < n; i++) {
        if (locked) yield lock.acquire();
        const v = yield count.load();
        yield count.store(v + 1);
        if (locked) lock.release();
      }
    });
    const a = new threading.Thread({ target: increment });
    const b = new threading.Thread({ target: increment });
    a.start();
    b.start();
    a.join();
    b.join();
    return count.value;
  };
}

describe("threads", () => {
  it("runs targets, joins them and names them as Python does", () => {
    const result = run(({ threading, print, time }) => {
      const worker = async_("worker", function* (x: number) {
        print(`${threading.current_thread().name} starts ${x}`);
        yield time.sleep(1);
        print(`done ${x}`);
      });
      const ts = [1, 2].map((x) => new threading.Thread({ target: worker, args: [x] }));
      for (const t of ts) t.start();
      print(threading.active_count());
      for (const t of ts) t.join();
      print(ts.map((t) => t.is_alive()));
    });
    expect(result.status).toBe("ok");
    expect(result.time).toBe(1);
    expect(result.output.map((l) => `${l.time} ${l.thread ?? "main"} ${l.text}`)).toEqual([
      "0 main 3",
      "0 Thread-1 (worker) Thread-1 (worker) starts 1",
      "0 Thread-2 (worker) Thread-2 (worker) starts 2",
      "1 Thread-1 (worker) done 1",
      "1 Thread-2 (worker) done 2",
      "1 main [False, False]",
    ]);
  });

  it("keeps the default schedule free of lost updates for a short loop", () => {
    const result = run(counter(100, false));
    expect(result.value).toBe(200);
  });

  it("finds the lost update under random and PCT within 100 schedules", () => {
    for (const strategy of ["random", "pct"] as const) {
      const found = explore(counter(3, false), { strategy, runs: 100 }, (r) => r.value === 6);
      expect(found.ok).toBe(false);
      const ce = found.counterexample!;
      expect(ce.result.value).not.toBe(6);
      expect(ce.schedule.choices.length).toBeGreaterThan(0);
      expect(ce.result.trace.some((e) => e.kind === "load" && e.thread !== undefined)).toBe(true);
    }
  });

  it("finds it by exhaustive search with 1 preemption, and a lock fixes it", () => {
    const bug = explore(counter(2, false), { strategy: "dfs", preemptions: 2 }, (r) => r.value === 4);
    expect(bug.ok).toBe(false);
    const fixed = explore(
      counter(2, true),
      { strategy: "dfs", preemptions: 2, runs: 100_000 },
      (r) => r.value === 4,
    );
    expect(fixed).toMatchObject({ ok: true, exhausted: true });
    expect(fixed.runs).toBeGreaterThan(10);
  });

  it("passes with a lock under 1,000 random and 1,000 PCT schedules", () => {
    for (const strategy of ["random", "pct"] as const) {
      const r = explore(counter(3, true), { strategy, runs: 1000 }, (x) => x.value === 6);
      expect(r).toMatchObject({ ok: true, runs: 1000 });
    }
  });

  it("makes atomic add lose nothing", () => {
    const program: Program = ({ threading }) => {
      const count = threading.shared(0);
      const inc = async_("inc", function* () {
        for (let i = 0; i < 3; i++) yield count.add(1);
      });
      const ts = [0, 1].map(() => new threading.Thread({ target: inc }));
      for (const t of ts) t.start();
      for (const t of ts) t.join();
      return count.value;
    };
    expect(explore(program, { strategy: "dfs", preemptions: 2 }, (r) => r.value === 6)).toMatchObject({
      ok: true,
      exhausted: true,
    });
  });

  it("reports a blocking call made without await inside a thread", () => {
    const result = run(({ threading, print }) => {
      const cell = threading.shared(1);
      const bad = async_("bad", function* () {
        const v = cell.load();
        yield cell.store(2);
        print(v);
      });
      const t = new threading.Thread({ target: bad });
      t.start();
      t.join();
    });
    expect(result.status).toBe("ok");
    expect(result.warnings.map((w) => w.message).join("\n")).toMatch(
      /shared-1.load\(\) was called without await in thread 'Thread-1 \(bad\)'/,
    );
  });

  it("treats an exception in a thread as Python does: a warning, the program goes on", () => {
    const result = run(({ threading, ValueError, print }) => {
      const boom = async_("boom", function* () {
        yield threading.shared(0).load();
        throw new ValueError("bad input");
      });
      const t = new threading.Thread({ target: boom });
      t.start();
      t.join();
      print("after");
    });
    expect(result.status).toBe("ok");
    expect(result.output.map((l) => l.text)).toEqual(["after"]);
    expect(result.warnings[0]).toMatchObject({ kind: "thread-exception" });
    expect(result.warnings[0]!.message).toContain("ValueError: bad input");
  });

  it("waits for non-daemon threads at exit but not for daemon threads", () => {
    const result = run(({ threading, print, time }) => {
      const slow = async_("slow", function* (s: number) {
        yield time.sleep(s);
        print(`slept ${s}`);
      });
      new threading.Thread({ target: slow, args: [2] }).start();
      new threading.Thread({ target: slow, args: [5], daemon: true }).start();
    });
    expect(result.output.map((l) => l.text)).toEqual(["slept 2"]);
    expect(result.time).toBe(2);
  });

  it("names unnamed threads at creation, as CPython: Thread-N (target), named ones use no number", () => {
    const result = run(({ threading, print }) => {
      const worker = () => undefined;
      const a = new threading.Thread({ target: worker });
      print(a.name);
      const named = new threading.Thread({ target: worker, name: "reader" });
      const b = new threading.Thread();
      const c = new threading.Thread({ target: worker });
      print(named.name, b.name, c.name);
      c.start();
      a.start();
      c.join();
      a.join();
      print(a.name, c.name);
    });
    expect(result.output.map((l) => l.text)).toEqual([
      "Thread-1 (worker)",
      "reader Thread-2 Thread-3 (worker)",
      "Thread-1 (worker) Thread-3 (worker)",
    ]);
  });

  it("supports Thread subclasses, runtime calls as targets, join timeouts and the thread registry", () => {
    const result = run(({ threading, time, print, RuntimeError }) => {
      class Sleeper extends threading.Thread {
        override run() {
          return time.sleep(2);
        }
      }
      const s = new Sleeper({ name: "sleeper" });
      const t = new threading.Thread({ target: time.sleep, args: [1] });
      s.start();
      t.start();
      print(threading.enumerate().map((x) => x.name));
      print(threading.current_thread().name, threading.main_thread() === threading.current_thread());
      s.join(0.5);
      print(s.is_alive(), time.monotonic());
      try {
        s.start();
      } catch (e) {
        print(e instanceof RuntimeError ? e.message : "?");
      }
      s.join();
      print(s.is_alive(), t.is_alive(), threading.active_count(), time.monotonic());
    });
    expect(result.output.map((l) => l.text)).toEqual([
      "['MainThread', 'sleeper', 'Thread-1 (sleep)']",
      "MainThread True",
      "True 0.5",
      "threads can only be started once",
      "False False 1 2",
    ]);
  });

  it("blocks the event loop, with a warning, when a coroutine takes a threading lock", () => {
    const result = run(({ asyncio, threading, time }) => {
      const lock = new threading.Lock();
      const holder = async_("holder", function* () {
        yield lock.acquire();
        yield time.sleep(1);
        lock.release();
      });
      new threading.Thread({ target: holder }).start();
      const main = async_("main", function* () {
        yield asyncio.sleep(0.1);
        lock.acquire();
        lock.release();
      });
      asyncio.run(main());
    });
    expect(result.status).toBe("ok");
    expect(result.time).toBe(1);
    expect(result.warnings.map((w) => w.kind)).toContain("blocking-call");
  });

  it("ends a spinning thread with the step limit and a sleeping one with the time limit", () => {
    const spin = run(
      ({ threading }) => {
        const flag = threading.shared(false);
        const spinner = async_("spinner", function* () {
          while (!(yield flag.load())) {
            // busy-wait for a flag nobody sets
          }
        });
        new threading.Thread({ target: spinner }).start();
      },
      { limits: { maxSteps: 5_000 } },
    );
    expect(spin.status).toBe("limit");
    const sleepy = run(
      ({ threading, time }) => {
        const forever = async_("forever", function* () {
          for (;;) yield time.sleep(60);
        });
        new threading.Thread({ target: forever }).start();
      },
      { limits: { maxTime: 600 } },
    );
    expect(sleepy.status).toBe("timeout");
    expect(sleepy.time).toBe(600);
  });
});
