import { describe, expect, it } from "vitest";
import type { InterleaveModule } from "./runtime";
import { run } from "./runtime";
import { async_ } from "./test-helpers";

const texts = (r: { output: { text: string }[] }) => r.output.map((l) => l.text);

describe("multiprocessing", () => {
  it("gives a child its own memory: it re-imports the program and sees none of the parent's changes", () => {
    const program = ({ multiprocessing, print, __name__ }: InterleaveModule) => {
      const state = { count: 0 };
      print(`import as ${__name__}`);
      const child = async_(
        "child",
        function* (q: InstanceType<typeof multiprocessing.Queue>, data: number[]) {
          print(`child sees count=${state.count} data=${data}`);
          state.count = 100;
          data.push(99);
          yield q.put({ from: multiprocessing.current_process().name, data });
        },
      );
      if (__name__ === "__main__") {
        state.count = 5;
        const data = [1, 2];
        const q = new multiprocessing.Queue();
        const p = new multiprocessing.Process({ target: child, args: [q, data] });
        p.start();
        const got = q.get() as { from: string; data: number[] };
        p.join();
        print(`parent got ${JSON.stringify(got)}; parent sees count=${state.count} data=${data}`);
        print(`exitcode=${p.exitcode} pid=${p.pid}`);
      }
      return { child };
    };
    const result = run(program);
    expect(result.status).toBe("ok");
    expect(texts(result)).toEqual([
      "import as __main__",
      "import as __mp_main__",
      "child sees count=0 data=1,2",
      'parent got {"from":"Process-1","data":[1,2,99]}; parent sees count=5 data=1,2',
      "exitcode=0 pid=1001",
    ]);
    expect(result.output[1]).toMatchObject({ thread: "Process-1/MainThread" });
    expect(result.trace.some((e) => e.process === "Process-1")).toBe(true);
  });

  it("runs four processes of 1 s CPU work on 4 cores in 1 virtual second, and on 2 cores in 2", () => {
    const program = ({ multiprocessing, work, __name__ }: InterleaveModule) => {
      const burn = async_("burn", function* () {
        yield work(1);
      });
      if (__name__ === "__main__") {
        const ps = [0, 1, 2, 3].map(() => new multiprocessing.Process({ target: burn }));
        for (const p of ps) p.start();
        for (const p of ps) p.join();
        return multiprocessing.cpu_count();
      }
      return { burn };
    };
    const four = run(program);
    expect(four.status).toBe("ok");
    expect(four.value).toBe(4);
    expect(four.time).toBe(1);
    expect(four.stats.cpu?.map((c) => c.seconds)).toEqual([0, 1, 1, 1, 1]);
    const cores = new Set(four.trace.filter((e) => e.kind === "gil-acquire").map((e) => e.core));
    expect(cores).toEqual(new Set([0, 1, 2, 3]));
    const two = run(program, { threads: { cores: 2 } });
    expect(two.time).toBe(2);
  });

  it("reports a failing target as exit code 1, and a missing or anonymous target clearly", () => {
    const result = run(({ multiprocessing, print, time, ValueError, __name__ }) => {
      const fail = async_("fail", function* () {
        yield time.sleep(0);
        throw new ValueError("child failed");
      });
      if (__name__ === "__main__") {
        const p = new multiprocessing.Process({ target: fail });
        p.start();
        p.join();
        print(p.exitcode);
        try {
          new multiprocessing.Process({ target: [() => 1][0] }).start();
        } catch (e) {
          print(e instanceof ValueError);
        }
      }
      return { fail };
    });
    expect(texts(result)).toEqual(["1", "True"]);
    expect(result.warnings.some((w) => w.message === "Process Process-1: ValueError: child failed")).toBe(
      true,
    );
  });

  it("shares a Value whose unlocked read-then-write loses updates, and a Pipe that copies", () => {
    const program = ({ multiprocessing, __name__ }: InterleaveModule) => {
      const add = async_("add", function* (v: InstanceType<typeof multiprocessing.Value>, locked: boolean) {
        for (let i = 0; i < 50; i++) {
          if (locked) yield v.get_lock().acquire();
          const x = yield v.load();
          yield v.store(x + 1);
          if (locked) v.get_lock().release();
        }
      });
      if (__name__ === "__main__") {
        const out: number[] = [];
        for (const locked of [false, true]) {
          const v = new multiprocessing.Value("i", 0);
          const ps = [0, 1].map(() => new multiprocessing.Process({ target: add, args: [v, locked] }));
          for (const p of ps) p.start();
          for (const p of ps) p.join();
          out.push(v.value);
        }
        return out;
      }
      return { add };
    };
    const result = run(program, { threads: { strategy: { kind: "random", seed: 3 } } });
    const [unlocked, locked] = result.value as number[];
    expect(unlocked).toBeLessThan(100);
    expect(locked).toBe(100);

    const pipe = run(({ multiprocessing, print, __name__ }) => {
      const echo = async_("echo", function* (conn: ReturnType<typeof multiprocessing.Pipe>[0]) {
        const msg = (yield conn.recv()) as { n: number };
        msg.n += 1;
        conn.send(msg);
      });
      if (__name__ === "__main__") {
        const [a, b] = multiprocessing.Pipe();
        const p = new multiprocessing.Process({ target: echo, args: [b] });
        p.start();
        const msg = { n: 1 };
        a.send(msg);
        print(a.poll(), (a.recv() as { n: number }).n, msg.n);
        p.join();
        const arr = new multiprocessing.Array("i", [1, 2, 3]);
        arr.set(0, 10);
        print(arr.toArray(), arr.length);
      }
      return { echo };
    });
    expect(texts(pipe)).toEqual(["False 2 1", "[10, 2, 3] 3"]);
  });

  it("Pool maps in parallel, apply_async returns an AsyncResult, and results are copies", () => {
    const program = ({ multiprocessing, work, print, __name__ }: InterleaveModule) => {
      const square = async_("square", function* (x: number) {
        yield work(1);
        return x * x;
      });
      if (__name__ === "__main__") {
        const pool = new multiprocessing.Pool(2);
        print(pool.map(square, [1, 2, 3, 4]));
        const r = pool.apply_async(square, [5]);
        print(r.ready(), r.get(), r.successful());
        pool.close();
        pool.join();
      }
      return { square };
    };
    const result = run(program);
    expect(result.status).toBe("ok");
    expect(result.output.map((l) => `${l.time} ${l.text}`)).toEqual(["2 [1, 4, 9, 16]", "3 False 25 True"]);
  });

  it("without the __main__ guard, a child that starts a process while importing fails at once, as CPython", () => {
    const program = ({ multiprocessing, print, __name__ }: InterleaveModule) => {
      const hello = () => print("hello from the child");
      print(`import as ${__name__}`);
      const p = new multiprocessing.Process({ target: hello });
      p.start(); // no `if (__name__ === "__main__")`: the child runs this line again
      p.join();
      print(`exitcode=${p.exitcode}`);
      return { hello };
    };
    const result = run(program);
    expect(result.status).toBe("ok");
    expect(texts(result)).toEqual(["import as __main__", "import as __mp_main__", "exitcode=1"]);
    const warning = result.warnings.find((w) => w.kind === "thread-exception");
    expect(warning?.message).toContain(
      "Process Process-1: RuntimeError: An attempt has been made to start a new process before the " +
        "current process has finished its bootstrapping phase.",
    );
  });

  it("blocks a child's main thread in a top-level work() or time.sleep() while it imports the program", () => {
    const program = ({ multiprocessing, print, time, work, __name__ }: InterleaveModule) => {
      const hello = () => print(`target runs at ${time.monotonic()}`);
      work(1); // a slow import, in the parent and again in the child
      time.sleep(0.5);
      if (__name__ === "__main__") {
        const p = new multiprocessing.Process({ target: hello });
        p.start();
        p.join();
        print(`exitcode=${p.exitcode} at ${time.monotonic()}`);
      }
      return { hello };
    };
    const result = run(program);
    expect(result.status).toBe("ok");
    expect(texts(result)).toEqual(["target runs at 3", "exitcode=0 at 3"]);
    expect(result.warnings).toEqual([]);
  });

  it("passes a function argument by name: the child calls its own copy", () => {
    const result = run(({ multiprocessing, print, time, __name__ }) => {
      const seen: string[] = [];
      function note(x: string) {
        seen.push(x);
        return seen.length;
      }
      const child = async_("child", function* (f: (x: string) => number) {
        const n = f("child");
        yield time.sleep(0);
        print(`child: ${seen} (${n})`);
      });
      if (__name__ === "__main__") {
        note("parent");
        const p = new multiprocessing.Process({ target: child, args: [note] });
        p.start();
        p.join();
        print(seen, p.exitcode);
      }
      return { child, note };
    });
    expect(texts(result)).toEqual(["child: child (1)", "['parent'] 0"]);
  });

  it("terminate() stops a process where it stands: exit code -15", () => {
    const result = run(({ multiprocessing, time, print, __name__ }) => {
      const forever = async_("forever", function* () {
        for (;;) yield time.sleep(1);
      });
      if (__name__ === "__main__") {
        const p = new multiprocessing.Process({ target: forever });
        p.start();
        time.sleep(2.5);
        p.terminate();
        p.join();
        print(p.exitcode, p.is_alive(), time.monotonic());
      }
      return { forever };
    });
    expect(result.status).toBe("ok");
    expect(texts(result)).toEqual(["-15 False 2.5"]);
  });
});

describe("concurrent.futures", () => {
  it("ThreadPoolExecutor: submit, map, as_completed in completion order, shutdown", () => {
    const result = run(({ concurrent, time, print, threading }) => {
      const nap = async_("nap", function* (s: number) {
        yield time.sleep(s);
        return `${threading.current_thread().name} slept ${s}`;
      });
      const ex = new concurrent.futures.ThreadPoolExecutor(3);
      const fs = [3, 1, 2].map((s) => ex.submit(nap, s));
      for (const f of concurrent.futures.as_completed(fs)) print(f.result());
      print(ex.map(nap, [1, 1]));
      ex.shutdown();
    });
    expect(result.output.map((l) => `${l.time} ${l.text}`)).toEqual([
      "1 ThreadPoolExecutor-0_1 slept 1",
      "2 ThreadPoolExecutor-0_2 slept 2",
      "3 ThreadPoolExecutor-0_0 slept 3",
      "4 ['ThreadPoolExecutor-0_1 slept 1', 'ThreadPoolExecutor-0_2 slept 1']",
    ]);
  });

  it("ProcessPoolExecutor runs CPU work in parallel; errors come back from result()", () => {
    const program = ({ concurrent, work, print, ValueError, __name__ }: InterleaveModule) => {
      const crunch = async_("crunch", function* (n: number) {
        yield work(1);
        if (n < 0) throw new ValueError("negative");
        return n * 2;
      });
      if (__name__ === "__main__") {
        const ex = new concurrent.futures.ProcessPoolExecutor();
        const fs = [1, 2, 3, -1].map((n) => ex.submit(crunch, n));
        print(fs.slice(0, 3).map((f) => f.result()));
        try {
          fs[3]!.result();
        } catch (e) {
          print(`${(e as Error).name}: ${(e as Error).message}`);
        }
        ex.shutdown();
      }
      return { crunch };
    };
    const result = run(program);
    expect(result.output.map((l) => `${l.time} ${l.text}`)).toEqual([
      "1 [2, 4, 6]",
      "1 ValueError: negative",
    ]);
  });

  it("asyncio.to_thread and run_in_executor let the loop go on while a thread blocks", () => {
    const result = run(({ asyncio, time, print }) => {
      const blocking = async_("blocking", function* (s: number) {
        yield time.sleep(s);
        return s;
      });
      const tick = async_("tick", function* () {
        for (let i = 0; i < 3; i++) {
          print(`tick ${i}`);
          yield asyncio.sleep(1);
        }
      });
      const main = async_("main", function* () {
        const loop = asyncio.get_running_loop();
        const [a, b] = (yield asyncio.gather(
          asyncio.to_thread(blocking, 2),
          loop.run_in_executor(null, time.sleep, 1.5),
          tick(),
        )) as number[];
        print(`got ${a} ${b} at ${loop.time()}`);
      });
      asyncio.run(main());
    });
    expect(result.status).toBe("ok");
    expect(result.output.map((l) => `${l.time} ${l.text}`)).toEqual([
      "0 tick 0",
      "1 tick 1",
      "2 tick 2",
      "3 got 2 undefined at 3",
    ]);
  });
});
