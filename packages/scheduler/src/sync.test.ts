import { describe, expect, it } from "vitest";
import { run } from "./runtime";
import { async_ } from "./testing";

describe("statistics of the primitives", () => {
  it("shows who holds a lock and how many wait, for graders to assert on", () => {
    const result = run(({ asyncio }) => {
      const lock = new asyncio.Lock();
      const sem = new asyncio.Semaphore(1);
      const q = new asyncio.Queue<number>(1);
      const snapshots: unknown[] = [];
      const hold = async_("hold", function* () {
        yield lock.acquire();
        yield sem.acquire();
        yield asyncio.sleep(1);
        lock.release();
        sem.release();
      });
      const wait = async_("wait", function* () {
        yield lock.acquire();
        lock.release();
      });
      const consume = async_("consume", function* () {
        yield q.get();
      });
      asyncio.run(
        async_("main", function* () {
          const tasks = [
            asyncio.create_task(hold()),
            asyncio.create_task(wait()),
            asyncio.create_task(wait()),
          ];
          tasks.push(asyncio.create_task(consume()));
          yield asyncio.sleep(0.5);
          snapshots.push(lock.statistics(), sem.statistics(), q.statistics());
          q.put_nowait(1);
          yield asyncio.gather(...tasks);
          snapshots.push(lock.statistics());
        })(),
      );
      return snapshots;
    });
    expect(result.value).toEqual([
      { locked: true, owner: "Task-2", waiting: 2 },
      { value: 0, waiting: 0 },
      { size: 0, maxsize: 1, unfinished: 0, getters: 1, putters: 0 },
      { locked: false, owner: null, waiting: 0 },
    ]);
  });

  it("raises Python's errors for misuse", () => {
    const result = run(({ asyncio }) =>
      asyncio.run(
        async_("main", function* () {
          const cond = new asyncio.Condition();
          try {
            yield cond.wait();
          } catch (e) {
            return `${(e as Error).name}: ${(e as Error).message}`;
          }
        })(),
      ),
    );
    expect(result.value).toBe("RuntimeError: cannot wait on un-acquired lock");
  });
});

describe("with(): Python's async with", () => {
  it("holds the lock or semaphore around the block, releases it even when the block raises", () => {
    const result = run(({ asyncio, print, ValueError }) => {
      const lock = new asyncio.Lock();
      const sem = new asyncio.Semaphore(1);
      const user = async_("user", function* (name: string) {
        const r = yield lock.with(
          async_("block", function* () {
            print(`${name} in`);
            yield asyncio.sleep(1);
            return name;
          }),
        );
        print(`${name} out with ${r}`);
      });
      const failing = async_("failing", function* () {
        try {
          yield sem.with(() => {
            throw new ValueError("inside");
          });
        } catch (e) {
          print(`caught ${(e as Error).message}, semaphore free: ${!sem.locked()}`);
        }
      });
      asyncio.run(
        async_("main", function* () {
          yield asyncio.gather(user("a"), user("b"), failing());
        })(),
      );
    });
    expect(result.output.map((l) => `${l.time} ${l.text}`)).toEqual([
      "0 a in",
      "0 caught inside, semaphore free: true",
      "1 a out with a",
      "1 b in",
      "2 b out with b",
    ]);
  });
});
