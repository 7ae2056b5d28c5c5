import type { InterleaveModule } from "../../src/index";
import { async_ } from "../../src/testing";

type Lock = InstanceType<InterleaveModule["asyncio"]["Lock"]>;

export default ({ asyncio, print }: InterleaveModule) => {
  const py = (b: boolean) => (b ? "True" : "False");

  const holder = async_("holder", function* (lock: Lock) {
    yield lock.acquire();
    try {
      print("holder has the lock");
      yield asyncio.sleep(2);
    } finally {
      lock.release();
    }
    print("holder released");
  });

  const waiter = async_("waiter", function* (name: string, lock: Lock) {
    try {
      yield lock.acquire();
      try {
        print(`${name} has the lock`);
        yield asyncio.sleep(0.5);
      } finally {
        lock.release();
      }
    } catch (e) {
      if (e instanceof asyncio.CancelledError) print(`${name} was cancelled while waiting`);
      throw e;
    }
  });

  const main = async_("main", function* () {
    const lock = new asyncio.Lock();
    const h = asyncio.create_task(holder(lock));
    yield asyncio.sleep(0);
    const w1 = asyncio.create_task(waiter("w1", lock));
    const w2 = asyncio.create_task(waiter("w2", lock));
    yield asyncio.sleep(1);
    w1.cancel();
    yield asyncio.gather(h, w1, w2, { return_exceptions: true });
    print(`w1 cancelled: ${py(w1.cancelled())}, lock free: ${py(!lock.locked())}`);
  });

  asyncio.run(main());
};
