/**
 * The sandbox reuses one QuickJS context (one copy of this package) for many runs, so nothing a
 * run leaves at module level may change the next: ids, counters, caches and "current" pointers
 * live in the run's World, or are reset when a run ends, even by an exception.
 */
import { describe, expect, it } from "vitest";
import { type InterleaveModule, run } from "./runtime";
import { async_ } from "./test-helpers";

/** asyncio: tasks, sleeps, a never-awaited coroutine, a blocking call in a coroutine, a lock. */
function asyncioProgram({ asyncio, print, time }: InterleaveModule) {
  const lock = new asyncio.Lock();
  const worker = async_("worker", function* (name: string, delay: number) {
    yield lock.acquire();
    try {
      print(`${name} holds the lock`);
      yield asyncio.sleep(delay);
    } finally {
      lock.release();
    }
    yield asyncio.sleep(0);
    return name;
  });
  const main = async_("main", function* () {
    worker("forgotten", 1);
    time.sleep(0.25);
    const results = yield asyncio.gather(worker("a", 0.5), worker("b", 0.25), asyncio.sleep(0, "c"));
    print(`gathered ${results}`);
    const loop = asyncio.get_running_loop();
    print(`to_thread: ${yield asyncio.to_thread(() => 7)}`);
    print(`executor: ${yield loop.run_in_executor(null, () => 8)}`);
  });
  asyncio.run(main());
}

/** Threads and processes, ending with the step limit in the middle of a task's step. */
function threadsProgram({ asyncio, threading, multiprocessing, print, __name__ }: InterleaveModule) {
  const child = async_("child", function* (q: InstanceType<typeof multiprocessing.Queue>) {
    yield q.put("from the child");
  });
  if (__name__ === "__main__") {
    const q = new multiprocessing.Queue();
    const p = new multiprocessing.Process({ target: child, args: [q] });
    p.start();
    print(q.get());
    p.join();
    const t = new threading.Thread({ target: async_("target", function* () {}) });
    t.start();
    t.join();
    const spin = async_("spin", function* () {
      for (;;) yield asyncio.sleep(0);
    });
    asyncio.run(spin());
  }
  return { child };
}

/** An error thrown out of a coroutine that just blocked the loop with work(). */
function failingProgram({ asyncio, work }: InterleaveModule) {
  const main = async_("main", function* () {
    yield asyncio.sleep(0.5);
    work(1);
    throw new Error("boom");
  });
  asyncio.run(main());
}

describe("runs in one process", () => {
  it("give the same result, trace included, after other programs ran and failed", () => {
    const first = run(asyncioProgram);
    expect(first.status).toBe("ok");
    expect(first.warnings.map((w) => w.kind)).toContain("never-awaited");
    const second = run(threadsProgram, { limits: { maxSteps: 500 } });
    expect(second.status).toBe("limit");
    const third = run(failingProgram);
    expect(third.status).toBe("error");
    expect(run(asyncioProgram)).toEqual(first);
    expect(run(threadsProgram, { limits: { maxSteps: 500 } })).toEqual(second);
    expect(run(failingProgram)).toEqual(third);
  });
});
