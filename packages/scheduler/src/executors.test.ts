import { describe, expect, it } from "vitest";
import type { InterleaveModule } from "./runtime";
import { run } from "./runtime";
import { async_ } from "./test-helpers";

const lines = (r: { output: { time: number; text: string }[] }) => r.output.map((l) => `${l.time} ${l.text}`);

describe("executors", () => {
  it("wait(FIRST_COMPLETED), cancel before start, and `with` shutting down at the end", () => {
    const result = run(({ concurrent, time, print }) => {
      const nap = async_("nap", function* (s: number) {
        yield time.sleep(s);
        return s;
      });
      const cf = concurrent.futures;
      new cf.ThreadPoolExecutor(1).with((ex) => {
        const a = ex.submit(nap, 2);
        const b = ex.submit(nap, 1);
        print(b.cancel(), b.cancelled(), a.running());
        const [done, pending] = cf.wait([a, b], null, cf.FIRST_COMPLETED);
        print(done.size, pending.size);
        const [all] = cf.wait([a], null, cf.ALL_COMPLETED);
        print([...all].map((f) => f.result()));
      });
      print("shut down");
    });
    expect(lines(result)).toEqual(["0 True True False", "0 1 1", "2 [2]", "2 shut down"]);
  });

  it("as_completed inside a thread, awaited, gives the list in completion order", () => {
    const result = run(({ concurrent, threading, time, print }) => {
      const nap = async_("nap", function* (s: number) {
        yield time.sleep(s);
        return s;
      });
      const ex = new concurrent.futures.ThreadPoolExecutor(3);
      const collector = async_("collector", function* () {
        const fs = [3, 1, 2].map((s) => ex.submit(nap, s));
        const order = (yield concurrent.futures.as_completed(fs)) as { result(): number }[];
        const results: number[] = [];
        // Inside a thread, result() is a blocking call like any other: awaited.
        for (const f of order) results.push(yield f.result());
        print(results);
      });
      const t = new threading.Thread({ target: collector });
      t.start();
      t.join();
    });
    expect(lines(result)).toEqual(["3 [1, 2, 3]"]);
  });

  it("Pool.with terminates the workers; a JoinableQueue joins once every item is done", () => {
    const program = ({ multiprocessing, print, __name__ }: InterleaveModule) => {
      // A plain (non-async) function works as a worker's call when it never blocks.
      function double(x: number) {
        return 2 * x;
      }
      const consume = async_("consume", function* (q: InstanceType<typeof multiprocessing.JoinableQueue>) {
        for (;;) {
          const item = yield q.get();
          print(`consumed ${item}`);
          q.task_done();
        }
      });
      if (__name__ === "__main__") {
        new multiprocessing.Pool(2).with((pool) => {
          print(pool.starmap(double, [[1], [2]]), multiprocessing.active_children().length);
        });
        print(multiprocessing.active_children().length);
        const q = new multiprocessing.JoinableQueue();
        const p = new multiprocessing.Process({ target: consume, args: [q], daemon: true });
        p.start();
        for (const i of [1, 2]) q.put(i);
        q.join();
        print("all consumed");
      }
      return { double, consume };
    };
    const result = run(program);
    expect(result.status).toBe("ok");
    expect(result.output.map((l) => l.text)).toEqual([
      "[2, 4] 2",
      "0",
      "consumed 1",
      "consumed 2",
      "all consumed",
    ]);
  });
});
