import type { InterleaveModule } from "../../src/index";
import { async_ } from "../../src/testing";

type Semaphore = InstanceType<InterleaveModule["asyncio"]["Semaphore"]>;

export default ({ asyncio, print, ValueError }: InterleaveModule) => {
  const download = async_("download", function* (name: string, sem: Semaphore, seconds: number) {
    yield sem.acquire();
    try {
      print(`${name} starts`);
      yield asyncio.sleep(seconds);
      print(`${name} ends`);
    } finally {
      sem.release();
    }
  });

  const main = async_("main", function* () {
    const sem = new asyncio.Semaphore(2);
    yield asyncio.gather(...[0, 1, 2, 3, 4].map((i) => download(`file${i}`, sem, 1 + i * 0.25)));
    print(`locked: ${sem.locked() ? "True" : "False"}`);
    const b = new asyncio.BoundedSemaphore(1);
    yield b.acquire();
    b.release();
    try {
      b.release();
    } catch (e) {
      if (!(e instanceof ValueError)) throw e;
      print(`ValueError: ${e.message}`);
    }
  });

  asyncio.run(main());
};
