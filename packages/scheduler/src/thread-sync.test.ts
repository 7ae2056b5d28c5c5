import { describe, expect, it } from "vitest";
import { run } from "./runtime";
import { async_ } from "./test-helpers";

const lines = (r: { output: { time: number; text: string }[] }) => r.output.map((l) => `${l.time} ${l.text}`);

describe("threading primitives", () => {
  it("lock.with runs a block holding the lock; acquire times out; statistics tell who holds it", () => {
    const result = run(({ threading, time, print }) => {
      const lock = new threading.Lock();
      const holder = async_("holder", function* () {
        yield lock.with(
          async_("block", function* () {
            print(`held by ${lock.statistics().owner}`);
            yield time.sleep(2);
          }),
        );
      });
      const t = new threading.Thread({ target: holder, name: "H" });
      t.start();
      time.sleep(0.5);
      print(`got it: ${lock.acquire(true, 1)}`);
      print(`got it: ${lock.acquire(true, 1)}`);
      print(JSON.stringify(lock.statistics()));
      lock.release();
      t.join();
    });
    expect(lines(result)).toEqual([
      "0 held by H",
      "1.5 got it: false",
      "2 got it: true",
      '2 {"locked":true,"owner":"MainThread","waiting":0,"count":1}',
    ]);
  });

  it("RLock lets its owner re-enter and refuses a stranger's release", () => {
    const result = run(({ threading, print, RuntimeError }) => {
      const r = new threading.RLock();
      r.acquire();
      r.acquire();
      print(r.statistics().count);
      const stranger = async_("stranger", function* () {
        try {
          r.release();
        } catch (e) {
          print(e instanceof RuntimeError ? e.message : "?");
        }
        yield r.acquire();
        print("stranger got it");
        r.release();
      });
      const t = new threading.Thread({ target: stranger });
      t.start();
      r.release();
      r.release();
      t.join();
    });
    expect(result.output.map((l) => l.text)).toEqual([
      "2",
      "cannot release un-acquired lock",
      "stranger got it",
    ]);
  });

  it("Condition: wait releases the lock, notify wakes in order, wait_for checks a predicate", () => {
    const result = run(({ threading, time, print }) => {
      const cond = new threading.Condition();
      const items: number[] = [];
      const consumer = async_("consumer", function* (name: string) {
        yield cond.acquire();
        yield cond.wait_for(() => items.length > 0);
        print(`${name} took ${items.shift()}`);
        cond.release();
      });
      const ts = ["a", "b"].map((n) => new threading.Thread({ target: consumer, args: [n] }));
      for (const t of ts) t.start();
      for (const i of [1, 2]) {
        time.sleep(1);
        cond.acquire();
        items.push(i);
        cond.notify();
        cond.release();
      }
      for (const t of ts) t.join();
      cond.acquire();
      print(`timed out: ${!cond.wait(0.25)}`);
      cond.release();
    });
    expect(lines(result)).toEqual(["1 a took 1", "2 b took 2", "2.25 timed out: true"]);
  });

  it("Semaphore limits concurrency; BoundedSemaphore refuses extra releases", () => {
    const result = run(({ threading, time, print, ValueError }) => {
      const sem = new threading.Semaphore(2);
      const job = async_("job", function* (i: number) {
        yield sem.with(
          async_("block", function* () {
            print(`start ${i}`);
            yield time.sleep(1);
          }),
        );
      });
      const ts = [0, 1, 2, 3].map((i) => new threading.Thread({ target: job, args: [i] }));
      for (const t of ts) t.start();
      for (const t of ts) t.join();
      const b = new threading.BoundedSemaphore(1);
      try {
        b.release();
      } catch (e) {
        print(e instanceof ValueError ? e.message : "?");
      }
    });
    expect(lines(result)).toEqual([
      "0 start 0",
      "0 start 1",
      "1 start 2",
      "1 start 3",
      "2 Semaphore released too many times",
    ]);
  });

  it("Event wakes every waiter; wait with a timeout returns false", () => {
    const result = run(({ threading, time, print }) => {
      const ev = new threading.Event();
      const waiter = async_("waiter", function* (timeout: number | null) {
        const ok = yield ev.wait(timeout);
        print(`${timeout} -> ${ok}`);
      });
      const ts = [null, 0.5, 5].map((x) => new threading.Thread({ target: waiter, args: [x] }));
      for (const t of ts) t.start();
      time.sleep(1);
      ev.set();
      for (const t of ts) t.join();
    });
    expect(lines(result)).toEqual(["0.5 0.5 -> false", "1 null -> true", "1 5 -> true"]);
  });

  it("Barrier releases all parties together and breaks on timeout", () => {
    const result = run(({ threading, time, print }) => {
      const barrier = new threading.Barrier(3);
      const party = async_("party", function* (delay: number) {
        yield time.sleep(delay);
        const i = yield barrier.wait();
        print(`through ${delay} as ${i}`);
      });
      const ts = [1, 2, 3].map((d) => new threading.Thread({ target: party, args: [d] }));
      for (const t of ts) t.start();
      for (const t of ts) t.join();
      const lonely = new threading.Barrier(2, null, 0.5);
      try {
        lonely.wait();
      } catch (e) {
        print(`broken: ${e instanceof threading.BrokenBarrierError} ${lonely.broken}`);
      }
    });
    expect(lines(result)).toEqual([
      "3 through 3 as 2",
      "3 through 1 as 0",
      "3 through 2 as 1",
      "3.5 broken: true true",
    ]);
  });

  it("queue.Queue: bounded put blocks, get times out with Empty, join waits for task_done", () => {
    const result = run(({ threading, queue, time, print }) => {
      const q = new queue.Queue<number>(1);
      const worker = async_("worker", function* () {
        for (;;) {
          let item: number;
          try {
            item = yield q.get(true, 2);
          } catch (e) {
            print(`worker: ${e instanceof queue.Empty ? "Empty" : e}`);
            return;
          }
          yield time.sleep(1);
          print(`done ${item}`);
          q.task_done();
        }
      });
      new threading.Thread({ target: worker }).start();
      for (const i of [1, 2, 3]) q.put(i);
      print(`all put, full=${q.full()}`);
      q.join();
      print("joined");
      try {
        q.get(false);
      } catch (e) {
        print(e instanceof queue.Empty ? "Empty" : "?");
      }
    });
    expect(lines(result)).toEqual([
      "1 done 1",
      "1 all put, full=true",
      "2 done 2",
      "3 done 3",
      "3 joined",
      "3 Empty",
      "5 worker: Empty",
    ]);
  });

  it("PriorityQueue gives the smallest first, LifoQueue the newest", () => {
    const result = run(({ queue, print }) => {
      const pq = new queue.PriorityQueue<[number, string]>();
      for (const e of [
        [3, "c"],
        [1, "a"],
        [2, "b"],
      ] as [number, string][])
        pq.put(e);
      const lq = new queue.LifoQueue<number>();
      for (const e of [1, 2, 3]) lq.put(e);
      print([pq.get(), pq.get(), pq.get()], [lq.get(), lq.get(), lq.get()]);
    });
    expect(result.output[0]?.text).toBe("[[1, 'a'], [2, 'b'], [3, 'c']] [3, 2, 1]");
  });
});
