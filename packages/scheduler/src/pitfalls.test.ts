import { describe, expect, it } from "vitest";
import { type InterleaveModule, run } from "./runtime";
import { async_ } from "./testing";

describe("pitfalls a run reports without failing", () => {
  it("warns about a coroutine that was never awaited, naming it", () => {
    const result = run(({ asyncio }) => {
      const save = async_("save", function* () {
        yield asyncio.sleep(1);
      });
      asyncio.run(
        async_("main", function* () {
          save(); // forgot await
          yield asyncio.sleep(0);
        })(),
      );
    });
    expect(result.status).toBe("ok");
    expect(result.warnings).toEqual([
      { kind: "never-awaited", message: "coroutine 'save' was never awaited", task: "Task-1", time: 0 },
    ]);
  });

  it("warns when time.sleep or work() in a coroutine stalls the loop, and every task waits", () => {
    const result = run(({ asyncio, time, work, print }) => {
      const ticker = async_("ticker", function* () {
        for (let i = 0; i < 3; i++) {
          print(`tick ${i}`);
          yield asyncio.sleep(1);
        }
      });
      // biome-ignore lint/correctness/useYield: an async function without await
      const blocker = async_("blocker", function* () {
        time.sleep(2.5);
        work(0.5);
      });
      asyncio.run(
        async_("main", function* () {
          yield asyncio.gather(ticker(), blocker());
        })(),
      );
    });
    expect(result.output.map((l) => l.time)).toEqual([0, 3, 4]);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatchObject({ kind: "blocking-call", task: "Task-3", time: 3 });
    expect(result.warnings[0]!.message).toContain(
      "Executing <Task finished name='Task-3' coro=<blocker()> result=None> took 3.000 seconds",
    );
    expect(result.warnings[0]!.message).toContain("time.sleep() and work()");
  });

  it("lets a coroutine await work() or time.sleep() on the loop: it blocks and warns, but does not raise", () => {
    const result = run(({ asyncio, time, work, print }) => {
      const main = async_("main", function* () {
        yield work(1);
        yield time.sleep(0.5);
        print("after");
      });
      asyncio.run(main());
    });
    expect(result.status).toBe("ok");
    expect(result.output).toEqual([expect.objectContaining({ text: "after", time: 1.5 })]);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]!.kind).toBe("blocking-call");
  });

  it("still raises when a coroutine awaits None that no blocking call returned", () => {
    const result = run(({ asyncio, work }) => {
      const main = async_("main", function* () {
        work(1);
        yield asyncio.sleep(0);
        yield undefined;
      });
      asyncio.run(main());
    });
    expect(result.status).toBe("error");
    expect(result.error?.message).toContain("object NoneType can't be used in 'await' expression");
  });

  it("advises an executor for CPU work on the loop, and asyncio.sleep for time.sleep", () => {
    const warningFor = (block: "work" | "sleep") =>
      run(({ asyncio, time, work }) => {
        // biome-ignore lint/correctness/useYield: an async function without await
        const main = async_("main", function* () {
          if (block === "work") work(1);
          else time.sleep(1);
        });
        asyncio.run(main());
      }).warnings[0]!.message;
    const cpu = warningFor("work");
    expect(cpu).toContain("loop.run_in_executor(None, fn)");
    expect(cpu).toContain("asyncio.to_thread(fn)");
    expect(cpu).not.toContain("asyncio.sleep");
    const sleep = warningFor("sleep");
    expect(sleep).toContain('use "await asyncio.sleep(...)" to wait without blocking');
    expect(sleep).not.toContain("run_in_executor");
  });

  it("warns about a task whose exception nobody retrieved", () => {
    const result = run(({ asyncio, ValueError }) => {
      // biome-ignore lint/correctness/useYield: an async function without await
      const fail = async_("fail", function* () {
        throw new ValueError("lost");
      });
      asyncio.run(
        async_("main", function* () {
          asyncio.create_task(fail());
          yield asyncio.sleep(1);
        })(),
      );
    });
    expect(result.status).toBe("ok");
    expect(result.warnings.map((w) => w.kind)).toEqual(["exception-never-retrieved"]);
    expect(result.warnings[0]!.message).toContain("raised ValueError: lost");
  });

  it("says plainly that a JavaScript Promise cannot be awaited, and words other awaits as Python", () => {
    const awaitIt = (value: unknown) =>
      run(({ asyncio }) =>
        asyncio.run(
          async_("main", function* () {
            yield value;
          })(),
        ),
      );
    expect(awaitIt(Promise.resolve(1)).error).toMatchObject({
      type: "TypeError",
      message: "await on a JavaScript Promise is not supported; await an asyncio future, task or coroutine",
    });
    expect(awaitIt(5).error?.message).toBe("object int can't be used in 'await' expression");
    expect(awaitIt(undefined).error?.message).toBe("object NoneType can't be used in 'await' expression");
  });

  it("refuses asyncio.run inside a running loop and a coroutine awaited twice", () => {
    const nested = run(({ asyncio }) => {
      const inner = async_("inner", function* () {});
      asyncio.run(
        // biome-ignore lint/correctness/useYield: an async function without await
        async_("main", function* () {
          asyncio.run(inner());
        })(),
      );
    });
    expect(nested.error?.message).toBe("asyncio.run() cannot be called from a running event loop");
    const twice = run(({ asyncio }) =>
      asyncio.run(
        async_("main", function* () {
          const c = asyncio.sleep(0);
          yield c;
          yield c;
        })(),
      ),
    );
    expect(twice.error).toMatchObject({
      type: "RuntimeError",
      message: "cannot reuse already awaited coroutine",
    });
  });
});

describe("limits", () => {
  const spin = ({ asyncio }: InterleaveModule) =>
    asyncio.run(
      async_("main", function* () {
        for (;;) yield asyncio.sleep(0);
      })(),
    );

  it("stops a task that loops forever around an await, with status limit", () => {
    const result = run(spin, { limits: { maxSteps: 1000 } });
    expect(result.status).toBe("limit");
    expect(result.error?.message).toContain("more than 1,000 scheduler steps");
  });

  it("stops a program that sleeps past the time limit, with status timeout", () => {
    const result = run(({ asyncio }) => asyncio.run(asyncio.sleep(10_000)), { limits: { maxTime: 60 } });
    expect(result.status).toBe("timeout");
    expect(result.time).toBe(60);
  });

  it("cannot be escaped by catching the error that stops the run", () => {
    const result = run(
      ({ asyncio, print }) => {
        try {
          spin({ asyncio } as InterleaveModule);
        } catch {
          print("caught it");
        }
        return "finished";
      },
      { limits: { maxSteps: 100 } },
    );
    expect(result.status).toBe("limit");
    expect(result.value).toBeNull();
  });

  it("stops a program that prints too much", () => {
    const result = run(
      ({ print }) => {
        for (let i = 0; i < 100; i++) print(i);
      },
      { limits: { maxOutputLines: 10 } },
    );
    expect(result.status).toBe("limit");
    expect(result.output).toHaveLength(10);
  });
});

describe("the result and the module", () => {
  it("is plain JSON data", () => {
    const result = run(({ asyncio, print }) => {
      asyncio.run(
        async_("main", function* () {
          print("hi", [1, null], { a: true });
          yield asyncio.sleep(0.5);
        })(),
      );
      return { n: Number.POSITIVE_INFINITY, list: [undefined] };
    });
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    expect(result.value).toEqual({ n: "inf", list: [null] });
    expect(result.output[0]!.text).toBe("hi [1, None] {'a': True}");
  });

  it("is frozen: a program cannot rewrite the runtime", () => {
    const result = run((mod) => {
      const attempts = [
        () => {
          (mod.asyncio as { sleep: unknown }).sleep = () => null;
        },
        () => {
          (mod as { print: unknown }).print = () => null;
        },
        () => {
          (mod.asyncio.Task.prototype as { cancel: unknown }).cancel = () => false;
        },
        () => {
          (mod.time as { monotonic: unknown }).monotonic = () => 0;
        },
        () => {
          const sleepProto = Object.getPrototypeOf(mod.asyncio.sleep(0)) as { _start: unknown };
          sleepProto._start = () => {};
        },
      ];
      return attempts.map((attempt) => {
        try {
          attempt();
          return "changed";
        } catch {
          return "refused";
        }
      });
    });
    expect(result.value).toEqual(["refused", "refused", "refused", "refused", "refused"]);
  });

  it("reports a deadlock naming who holds the lock", () => {
    const result = run(({ asyncio }) => {
      const a = new asyncio.Lock();
      const b = new asyncio.Lock();
      const grab = async_("grab", function* (first: typeof a, second: typeof a) {
        yield first.acquire();
        yield asyncio.sleep(0.1);
        yield second.acquire();
      });
      asyncio.run(
        async_("main", function* () {
          yield asyncio.gather(grab(a, b), grab(b, a));
        })(),
      );
    });
    expect(result.status).toBe("deadlock");
    expect(result.deadlock?.waiting).toEqual([
      { task: "Task-1", coro: "main()", waitsOn: "gather() of 2" },
      { task: "Task-2", coro: "grab()", waitsOn: "Lock.acquire() (held by Task-3)" },
      { task: "Task-3", coro: "grab()", waitsOn: "Lock.acquire() (held by Task-2)" },
    ]);
    expect(result.error?.message).toMatch(/^Deadlock: all 3 tasks are waiting/);
  });
});

describe("hostile values", () => {
  it("still give a result when the value or the error cannot be read", () => {
    const trap = {
      get boom(): never {
        throw new Error("gotcha");
      },
    };
    expect(run(() => trap).value).toBe("<the value could not be copied>");
    const bad = run(() => {
      const e = new Error("x");
      Object.defineProperty(e, "message", {
        get(): never {
          throw new Error("no");
        },
      });
      throw e;
    });
    expect(bad.status).toBe("error");
    expect(bad.error?.message).toBe("the program raised an error that could not be described");
  });

  it("copies a value with shared parts within a bound", () => {
    let v: unknown[] = [1];
    for (let i = 0; i < 30; i++) v = [v, v, v];
    const result = run(() => v);
    expect(JSON.stringify(result.value).length).toBeLessThan(2_000_000);
  });
});
