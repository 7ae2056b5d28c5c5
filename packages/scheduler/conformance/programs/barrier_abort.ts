import type { InterleaveModule } from "../../src/index";
import { async_ } from "../../src/testing";

type Barrier = InstanceType<InterleaveModule["asyncio"]["Barrier"]>;

export default ({ asyncio, print }: InterleaveModule) => {
  const party = async_("party", function* (name: string, barrier: Barrier) {
    try {
      yield barrier.wait();
      print(`${name} passed`);
    } catch (e) {
      if (!(e instanceof asyncio.BrokenBarrierError)) throw e;
      print(`${name} saw a broken barrier`);
    }
  });

  const main = async_("main", function* () {
    const barrier = new asyncio.Barrier(3);
    const tasks = ["a", "b"].map((n) => asyncio.create_task(party(n, barrier)));
    yield asyncio.sleep(1);
    yield barrier.abort();
    yield asyncio.gather(...tasks);
    yield party("late", barrier);
    print(`broken: ${barrier.broken ? "True" : "False"}`);
  });

  asyncio.run(main());
};
