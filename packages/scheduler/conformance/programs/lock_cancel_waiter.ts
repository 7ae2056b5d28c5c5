import { asyncio, print } from "interleave";

type Lock = InstanceType<typeof asyncio.Lock>;

const py = (b: boolean) => (b ? "True" : "False");

async function holder(lock: Lock) {
  await lock.acquire();
  try {
    print("holder has the lock");
    await asyncio.sleep(2);
  } finally {
    lock.release();
  }
  print("holder released");
}

async function waiter(name: string, lock: Lock) {
  try {
    await lock.acquire();
    try {
      print(`${name} has the lock`);
      await asyncio.sleep(0.5);
    } finally {
      lock.release();
    }
  } catch (e) {
    if (e instanceof asyncio.CancelledError) print(`${name} was cancelled while waiting`);
    throw e;
  }
}

async function main() {
  const lock = new asyncio.Lock();
  const h = asyncio.create_task(holder(lock));
  await asyncio.sleep(0);
  const w1 = asyncio.create_task(waiter("w1", lock));
  const w2 = asyncio.create_task(waiter("w2", lock));
  await asyncio.sleep(1);
  w1.cancel();
  await asyncio.gather(h, w1, w2, { return_exceptions: true });
  print(`w1 cancelled: ${py(w1.cancelled())}, lock free: ${py(!lock.locked())}`);
}

asyncio.run(main());
