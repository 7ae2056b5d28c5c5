import { asyncio, print, RuntimeError } from "interleave";

type Condition = InstanceType<typeof asyncio.Condition>;

async function consumer(name: string, cond: Condition, items: string[]) {
  await cond.acquire();
  try {
    while (items.length === 0) {
      print(`${name} waits`);
      await cond.wait();
    }
    print(`${name} takes ${items.shift()}`);
  } finally {
    cond.release();
  }
}

async function main() {
  const cond = new asyncio.Condition();
  const items: string[] = [];
  const tasks = ["a", "b", "c"].map((n) => asyncio.create_task(consumer(n, cond, items)));
  await asyncio.sleep(1);
  await cond.acquire();
  try {
    items.push("one");
    cond.notify();
  } finally {
    cond.release();
  }
  await asyncio.sleep(1);
  await cond.acquire();
  try {
    items.push("two", "three");
    cond.notify_all();
  } finally {
    cond.release();
  }
  await asyncio.gather(...tasks);
  try {
    cond.notify();
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    print(`RuntimeError: ${e.message}`);
  }
}

asyncio.run(main());
