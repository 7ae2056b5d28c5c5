import { asyncio, print } from "interleave";

async function main() {
  const pq = new asyncio.PriorityQueue<[number, string]>();
  for (const item of [
    [3, "low"],
    [1, "urgent"],
    [2, "normal"],
    [1, "also urgent"],
  ] as [number, string][]) {
    await pq.put(item);
  }
  while (!pq.empty()) {
    const [priority, name] = await pq.get();
    print(`priority ${priority}: ${name}`);
  }

  const lq = new asyncio.LifoQueue<string>(2);
  lq.put_nowait("first");
  lq.put_nowait("second");
  try {
    lq.put_nowait("third");
  } catch (e) {
    if (!(e instanceof asyncio.QueueFull)) throw e;
    print("LifoQueue is full");
  }
  print(lq.get_nowait(), lq.get_nowait());
  try {
    lq.get_nowait();
  } catch (e) {
    if (!(e instanceof asyncio.QueueEmpty)) throw e;
    print("LifoQueue is empty");
  }
}

asyncio.run(main());
