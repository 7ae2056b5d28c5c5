import type { InterleaveModule } from "../../src/index";
import { async_ } from "../../src/testing";

type Queue = InstanceType<InterleaveModule["asyncio"]["Queue"]>;

export default ({ asyncio, print, repr }: InterleaveModule) => {
  const worker = async_("worker", function* (name: string, q: Queue) {
    for (;;) {
      const item = yield q.get();
      yield asyncio.sleep(item);
      print(`${name} finished job ${item}`);
      q.task_done();
    }
  });

  const main = async_("main", function* () {
    const q = new asyncio.Queue();
    for (const job of [0.5, 1, 0.25, 0.75, 0.5]) q.put_nowait(job);
    const workers = [0, 1].map((i) => asyncio.create_task(worker(`w${i}`, q)));
    yield q.join();
    print(`all jobs done at ${asyncio.get_running_loop().time().toFixed(2)}`);
    for (const w of workers) w.cancel();
    const results: unknown[] = yield asyncio.gather(...workers, { return_exceptions: true });
    print(`workers: ${repr(results.map((r) => (r instanceof Error ? r.name : typeof r)))}`);
  });

  asyncio.run(main());
};
