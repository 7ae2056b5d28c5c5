import type { InterleaveModule } from "../../src/index";
import { async_ } from "../../src/testing";

type Condition = InstanceType<InterleaveModule["asyncio"]["Condition"]>;

export default ({ asyncio, print, RuntimeError }: InterleaveModule) => {
  const consumer = async_("consumer", function* (name: string, cond: Condition, items: string[]) {
    yield cond.acquire();
    try {
      while (items.length === 0) {
        print(`${name} waits`);
        yield cond.wait();
      }
      print(`${name} takes ${items.shift()}`);
    } finally {
      cond.release();
    }
  });

  const main = async_("main", function* () {
    const cond = new asyncio.Condition();
    const items: string[] = [];
    const tasks = ["a", "b", "c"].map((n) => asyncio.create_task(consumer(n, cond, items)));
    yield asyncio.sleep(1);
    yield cond.acquire();
    try {
      items.push("one");
      cond.notify();
    } finally {
      cond.release();
    }
    yield asyncio.sleep(1);
    yield cond.acquire();
    try {
      items.push("two", "three");
      cond.notify_all();
    } finally {
      cond.release();
    }
    yield asyncio.gather(...tasks);
    try {
      cond.notify();
    } catch (e) {
      if (!(e instanceof RuntimeError)) throw e;
      print(`RuntimeError: ${e.message}`);
    }
  });

  asyncio.run(main());
};
