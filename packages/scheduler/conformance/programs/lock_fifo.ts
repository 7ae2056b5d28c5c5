import { asyncio, print, RuntimeError } from "interleave";

type Lock = InstanceType<typeof asyncio.Lock>;

async function user(name: string, lock: Lock, hold: number) {
  print(`${name} wants the lock`);
  await lock.acquire();
  try {
    print(`${name} has the lock`);
    await asyncio.sleep(hold);
  } finally {
    lock.release();
  }
  print(`${name} released the lock`);
}

async function main() {
  const lock = new asyncio.Lock();
  await asyncio.gather(user("a", lock, 1), user("b", lock, 0.5), user("c", lock, 0.25));
  print(`locked at the end: ${lock.locked() ? "True" : "False"}`);
  try {
    lock.release();
  } catch (e) {
    if (!(e instanceof RuntimeError)) throw e;
    print(`RuntimeError: ${e.message}`);
  }
}

asyncio.run(main());
