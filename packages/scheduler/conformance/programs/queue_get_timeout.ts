import { asyncio, print } from "interleave";

type Queue = InstanceType<typeof asyncio.Queue>;

async function lateProducer(q: Queue) {
  await asyncio.sleep(1.5);
  await q.put("late item");
  print("produced the late item");
}

async function main() {
  const q = new asyncio.Queue();
  const producer = asyncio.create_task(lateProducer(q));
  try {
    await asyncio.wait_for(q.get(), 1);
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print(`no item within 1 s (getters waiting: ${q.statistics().getters})`);
  }
  const item = await asyncio.wait_for(q.get(), 1);
  print(`got ${item} at ${asyncio.get_running_loop().time().toFixed(1)}`);
  await producer;
}

asyncio.run(main());
