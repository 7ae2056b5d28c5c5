import type { InterleaveModule } from "../../src/index";
import { async_ } from "../../src/testing";

type Queue = InstanceType<InterleaveModule["asyncio"]["Queue"]>;

export default ({ asyncio, print }: InterleaveModule) => {
  const py = (b: boolean) => (b ? "True" : "False");

  const producer = async_("producer", function* (q: Queue) {
    for (let i = 0; i < 5; i++) {
      yield q.put(i);
      print(`put ${i} (size ${q.qsize()}, full ${py(q.full())})`);
    }
    yield q.put(null);
  });

  const consumer = async_("consumer", function* (q: Queue) {
    for (;;) {
      const item = yield q.get();
      if (item === null) break;
      print(`got ${item}`);
      yield asyncio.sleep(1);
    }
  });

  const main = async_("main", function* () {
    const q = new asyncio.Queue(2);
    yield asyncio.gather(producer(q), consumer(q));
    print(`empty: ${py(q.empty())}`);
  });

  asyncio.run(main());
};
