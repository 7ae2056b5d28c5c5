import { describe, expect, it } from "vitest";
import { run } from "./runtime";
import { async_ } from "./testing";

describe("Future and Task repr, as CPython 3.12 prints them", () => {
  it("shows a finished future's result or exception, and a cancelled one", () => {
    const result = run(({ asyncio, print, ValueError }) => {
      const main = async_("main", function* () {
        const loop = asyncio.get_running_loop();
        const ok = loop.create_future();
        print(String(ok));
        ok.set_result(42);
        const failed = loop.create_future();
        failed.set_exception(new ValueError("bad"));
        failed.exception();
        const cancelled = loop.create_future();
        cancelled.cancel();
        const text = loop.create_future();
        text.set_result("hi");
        print(String(ok), String(failed), String(cancelled), String(text));
        yield asyncio.sleep(0);
      });
      asyncio.run(main());
    });
    expect(result.output.map((l) => l.text)).toEqual([
      "<Future pending>",
      "<Future finished result=42> <Future finished exception=ValueError('bad')> <Future cancelled> " +
        "<Future finished result='hi'>",
    ]);
  });

  it("shows a task's name, coroutine and result, and 'cancelling' while a cancel is pending", () => {
    const result = run(({ asyncio, print }) => {
      const answer = async_("answer", function* () {
        yield asyncio.sleep(1);
        return 42;
      });
      const main = async_("main", function* () {
        const t = asyncio.create_task(answer());
        print(String(t));
        yield t;
        print(String(t));
        const c = asyncio.create_task(answer());
        yield asyncio.sleep(0);
        c.cancel();
        print(String(c));
        try {
          yield c;
        } catch {
          print(String(c));
        }
      });
      asyncio.run(main());
    });
    expect(result.output.map((l) => l.text)).toEqual([
      "<Task pending name='Task-2' coro=<answer()>>",
      "<Task finished name='Task-2' coro=<answer()> result=42>",
      "<Task cancelling name='Task-3' coro=<answer()>>",
      "<Task cancelled name='Task-3' coro=<answer()>>",
    ]);
  });
});
