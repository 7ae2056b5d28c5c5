import { asyncio, ExceptionGroup, print, repr, ValueError } from "interleave";

type TaskGroup = InstanceType<typeof asyncio.TaskGroup>;

const cleaned: string[] = [];

async function slow(name: string) {
  try {
    await asyncio.sleep(5);
  } finally {
    // The group cancels its tasks in set order: record, sort, then print.
    cleaned.push(`${name} at ${asyncio.get_running_loop().time().toFixed(1)}`);
  }
}

async function failing(delay: number, message: string) {
  await asyncio.sleep(delay);
  throw new ValueError(message);
}

async function main() {
  try {
    await asyncio.TaskGroup.run(async (tg: TaskGroup) => {
      tg.create_task(slow("s1"));
      tg.create_task(failing(1, "first"));
      tg.create_task(failing(1, "second"));
      tg.create_task(slow("s2"));
      await asyncio.sleep(10);
      print("never printed");
    });
  } catch (eg) {
    if (!(eg instanceof ExceptionGroup)) throw eg;
    print(`caught: ${eg.message}`);
    for (const e of eg.exceptions) print(`  ${repr(e)}`);
  }
  print(`cleaned up: ${repr(cleaned.sort())}`);
  print(`main goes on at ${asyncio.get_running_loop().time().toFixed(1)}`);
}

asyncio.run(main());
