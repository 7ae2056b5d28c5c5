import { describe, expect, it } from "vitest";
import { run } from "./runtime";
import { async_ } from "./testing";

describe("run", () => {
  it("runs the three-client server in 2 virtual seconds", () => {
    const result = run(({ asyncio, print }) => {
      const handle = async_("handle", function* (name: string) {
        print(`${name} connected`);
        yield asyncio.sleep(1);
        print(`${name} processed`);
        yield asyncio.sleep(1);
        print(`${name} sent`);
      });
      const main = async_("main", function* () {
        yield asyncio.gather(handle("a"), handle("b"), handle("c"));
      });
      asyncio.run(main());
    });
    expect(result.status).toBe("ok");
    expect(result.time).toBe(2);
    expect(result.output.map((l) => `${l.time} ${l.task} ${l.text}`)).toEqual([
      "0 Task-2 a connected",
      "0 Task-3 b connected",
      "0 Task-4 c connected",
      "1 Task-2 a processed",
      "1 Task-3 b processed",
      "1 Task-4 c processed",
      "2 Task-2 a sent",
      "2 Task-3 b sent",
      "2 Task-4 c sent",
    ]);
  });

  it("returns the value of asyncio.run and reports errors as data", () => {
    const ok = run(({ asyncio }) =>
      asyncio.run(
        async_("main", function* () {
          yield asyncio.sleep(0.5);
          return 42;
        })(),
      ),
    );
    expect(ok.status).toBe("ok");
    expect(ok.value).toBe(42);
    const bad = run(({ asyncio, ValueError }) =>
      asyncio.run(
        async_("main", function* () {
          yield asyncio.sleep(1);
          throw new ValueError("boom");
        })(),
      ),
    );
    expect(bad.status).toBe("error");
    expect(bad.error).toMatchObject({ type: "ValueError", message: "boom" });
    expect(bad.time).toBe(1);
  });

  it("reports a deadlock with what each task waits on", () => {
    const result = run(({ asyncio }) => {
      const main = async_("main", function* () {
        const fut = asyncio.get_running_loop().create_future();
        yield fut;
      });
      asyncio.run(main());
    });
    expect(result.status).toBe("deadlock");
    expect(result.deadlock?.waiting).toEqual([{ task: "Task-1", coro: "main()", waitsOn: "a Future" }]);
  });
});
