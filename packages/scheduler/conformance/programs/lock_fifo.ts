import type { InterleaveModule } from "../../src/index";
import { async_ } from "../../src/testing";

type Lock = InstanceType<InterleaveModule["asyncio"]["Lock"]>;

export default ({ asyncio, print, RuntimeError }: InterleaveModule) => {
  const user = async_("user", function* (name: string, lock: Lock, hold: number) {
    print(`${name} wants the lock`);
    yield lock.acquire();
    try {
      print(`${name} has the lock`);
      yield asyncio.sleep(hold);
    } finally {
      lock.release();
    }
    print(`${name} released the lock`);
  });

  const main = async_("main", function* () {
    const lock = new asyncio.Lock();
    yield asyncio.gather(user("a", lock, 1), user("b", lock, 0.5), user("c", lock, 0.25));
    print(`locked at the end: ${lock.locked() ? "True" : "False"}`);
    try {
      lock.release();
    } catch (e) {
      if (!(e instanceof RuntimeError)) throw e;
      print(`RuntimeError: ${e.message}`);
    }
  });

  asyncio.run(main());
};
