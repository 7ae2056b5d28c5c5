import type { InterleaveModule } from "../../src/index";
import { async_ } from "../../src/testing";

type Queue = InstanceType<InterleaveModule["asyncio"]["Queue"]>;

export default ({ asyncio, print }: InterleaveModule) => {
  const lateProducer = async_("late_producer", function* (q: Queue) {
    yield asyncio.sleep(1.5);
    yield q.put("late item");
    print("produced the late item");
  });

  const main = async_("main", function* () {
    const q = new asyncio.Queue();
    const producer = asyncio.create_task(lateProducer(q));
    try {
      yield asyncio.wait_for(q.get(), 1);
    } catch (e) {
      if (!(e instanceof asyncio.TimeoutError)) throw e;
      print(`no item within 1 s (getters waiting: ${q.statistics().getters})`);
    }
    const item = yield asyncio.wait_for(q.get(), 1);
    print(`got ${item} at ${asyncio.get_running_loop().time().toFixed(1)}`);
    yield producer;
  });

  asyncio.run(main());
};
