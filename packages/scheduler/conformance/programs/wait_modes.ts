import type { InterleaveModule } from "../../src/index";
import { async_ } from "../../src/testing";

type Task = InstanceType<InterleaveModule["asyncio"]["Task"]>;

export default ({ asyncio, print, repr, RuntimeError }: InterleaveModule) => {
  const job = async_("job", function* (name: string, delay: number, fail = false) {
    yield asyncio.sleep(delay);
    if (fail) throw new RuntimeError(`${name} failed`);
    return name;
  });

  const names = (tasks: Set<Task>) => repr([...tasks].map((t) => t.get_name()).sort());

  const main = async_("main", function* () {
    const loop = asyncio.get_running_loop();
    let ts = [
      asyncio.create_task(job("a", 1)),
      asyncio.create_task(job("b", 2)),
      asyncio.create_task(job("c", 3)),
    ];
    let [done, pending] = yield asyncio.wait(ts, { return_when: asyncio.FIRST_COMPLETED });
    print(`FIRST_COMPLETED at ${loop.time().toFixed(1)}: done=${names(done)} pending=${names(pending)}`);

    [done, pending] = yield asyncio.wait(ts);
    print(`ALL_COMPLETED at ${loop.time().toFixed(1)}: done=${names(done)} pending=${names(pending)}`);

    ts = [
      asyncio.create_task(job("d", 1)),
      asyncio.create_task(job("e", 2, true)),
      asyncio.create_task(job("f", 3)),
    ];
    [done, pending] = yield asyncio.wait(ts, { return_when: asyncio.FIRST_EXCEPTION });
    print(`FIRST_EXCEPTION at ${loop.time().toFixed(1)}: done=${names(done)} pending=${names(pending)}`);
    const sorted = [...(done as Set<Task>)].sort((x, y) => (x.get_name() < y.get_name() ? -1 : 1));
    for (const t of sorted) print(`${t.get_name()}: ${repr(t.exception())}`);

    [done, pending] = yield asyncio.wait(pending, { timeout: 0.5 });
    print(`timeout at ${loop.time().toFixed(1)}: done=${done.size} pending=${pending.size}`);
    yield asyncio.wait(pending);
    print(`finally at ${loop.time().toFixed(1)}`);
  });

  asyncio.run(main());
};
