import { asyncio, print } from "interleave";

type Queue = InstanceType<typeof asyncio.Queue>;

const py = (b: boolean) => (b ? "True" : "False");

async function producer(q: Queue) {
  for (let i = 0; i < 5; i++) {
    await q.put(i);
    print(`put ${i} (size ${q.qsize()}, full ${py(q.full())})`);
  }
  await q.put(null);
}

async function consumer(q: Queue) {
  for (;;) {
    const item = await q.get();
    if (item === null) break;
    print(`got ${item}`);
    await asyncio.sleep(1);
  }
}

async function main() {
  const q = new asyncio.Queue(2);
  await asyncio.gather(producer(q), consumer(q));
  print(`empty: ${py(q.empty())}`);
}

asyncio.run(main());
