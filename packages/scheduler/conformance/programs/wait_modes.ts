import { asyncio, print, RuntimeError, repr } from "interleave";

type Task = InstanceType<typeof asyncio.Task>;

async function job(name: string, delay: number, fail = false) {
  await asyncio.sleep(delay);
  if (fail) throw new RuntimeError(`${name} failed`);
  return name;
}

const names = (tasks: Set<Task>) => repr([...tasks].map((t) => t.get_name()).sort());

async function main() {
  const loop = asyncio.get_running_loop();
  let ts = [
    asyncio.create_task(job("a", 1)),
    asyncio.create_task(job("b", 2)),
    asyncio.create_task(job("c", 3)),
  ];
  let [done, pending] = await asyncio.wait(ts, { return_when: asyncio.FIRST_COMPLETED });
  print(`FIRST_COMPLETED at ${loop.time().toFixed(1)}: done=${names(done)} pending=${names(pending)}`);

  [done, pending] = await asyncio.wait(ts);
  print(`ALL_COMPLETED at ${loop.time().toFixed(1)}: done=${names(done)} pending=${names(pending)}`);

  ts = [
    asyncio.create_task(job("d", 1)),
    asyncio.create_task(job("e", 2, true)),
    asyncio.create_task(job("f", 3)),
  ];
  [done, pending] = await asyncio.wait(ts, { return_when: asyncio.FIRST_EXCEPTION });
  print(`FIRST_EXCEPTION at ${loop.time().toFixed(1)}: done=${names(done)} pending=${names(pending)}`);
  const sorted = [...(done as Set<Task>)].sort((x, y) => (x.get_name() < y.get_name() ? -1 : 1));
  for (const t of sorted) print(`${t.get_name()}: ${repr(t.exception())}`);

  [done, pending] = await asyncio.wait(pending, { timeout: 0.5 });
  print(`timeout at ${loop.time().toFixed(1)}: done=${done.size} pending=${pending.size}`);
  await asyncio.wait(pending);
  print(`finally at ${loop.time().toFixed(1)}`);
}

asyncio.run(main());
