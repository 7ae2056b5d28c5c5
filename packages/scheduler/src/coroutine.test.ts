import { describe, expect, it } from "vitest";
import { __coro } from "./coroutine";
import { run } from "./runtime";
import { async_ } from "./testing";

describe("coroutines", () => {
  it("run nothing until awaited or wrapped in a task, unlike a native async function", () => {
    const result = run(({ asyncio, print }) => {
      const f = async_("f", function* () {
        print("f runs");
        yield asyncio.sleep(0);
      });
      asyncio.run(
        async_("main", function* () {
          const c = f();
          print("f() called");
          asyncio.create_task(c);
          print("task created");
          yield asyncio.sleep(0);
        })(),
      );
    });
    expect(result.output.map((l) => l.text)).toEqual(["f() called", "task created", "f runs"]);
  });

  it("receive the caller's this and arguments, as the compiler passes them", () => {
    const result = run(({ asyncio }) => {
      const counter = {
        base: 10,
        add(_n: number) {
          return __coro(
            "add",
            function* (this: { base: number }, m: number) {
              yield asyncio.sleep(0);
              return this.base + m;
            },
            this,
            // biome-ignore lint/complexity/noArguments: this is the compiled form of an async method.
            arguments,
          );
        },
      };
      return asyncio.run(counter.add(5));
    });
    expect(result.value).toBe(15);
  });

  it("report a body that is not a generator function clearly", () => {
    const result = run(({ asyncio }) => asyncio.run(__coro("broken", (() => 1) as never)));
    expect(result.error).toMatchObject({
      type: "TypeError",
      message: "the body of coroutine 'broken' is not a generator function",
    });
  });

  it("name a generator function hoisted by the compiler after its coroutine, so stack traces say `at f`", () => {
    const result = run(({ asyncio }) => {
      function* __coro_explode(n: number) {
        yield asyncio.sleep(0);
        throw new Error(`boom ${n}`);
      }
      function explode(this: unknown, _n: number) {
        // biome-ignore lint/complexity/noArguments: this is the compiled form of an async declaration.
        return __coro("explode", __coro_explode, this, arguments);
      }
      asyncio.run(explode(3));
    });
    expect(result.error).toMatchObject({ type: "Error", message: "boom 3" });
    expect(result.error?.stack?.split("\n")[1]).toMatch(/^\s*at explode \(/);
  });
});
