import { asyncio, ExceptionGroup, KeyError, print, repr } from "interleave";

type TaskGroup = InstanceType<typeof asyncio.TaskGroup>;

const cancelled: string[] = [];

async function child(name: string) {
  try {
    await asyncio.sleep(3);
    print(`${name} finished`);
  } catch (e) {
    if (e instanceof asyncio.CancelledError) cancelled.push(name); // CPython cancels in set order
    throw e;
  }
}

async function main() {
  try {
    await asyncio.TaskGroup.run(async (tg: TaskGroup) => {
      tg.create_task(child("c1"));
      tg.create_task(child("c2"));
      await asyncio.sleep(1);
      throw new KeyError("body failed");
    });
  } catch (eg) {
    if (!(eg instanceof ExceptionGroup)) throw eg;
    print(`caught ${eg.message} with ${repr(eg.exceptions.map((e) => (e as Error).name))}`);
  }
  print(`cancelled: ${repr(cancelled.sort())}`);
}

asyncio.run(main());
