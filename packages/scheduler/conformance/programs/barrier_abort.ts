import { asyncio, print } from "interleave";

type Barrier = InstanceType<typeof asyncio.Barrier>;

async function party(name: string, barrier: Barrier) {
  try {
    await barrier.wait();
    print(`${name} passed`);
  } catch (e) {
    if (!(e instanceof asyncio.BrokenBarrierError)) throw e;
    print(`${name} saw a broken barrier`);
  }
}

async function main() {
  const barrier = new asyncio.Barrier(3);
  const tasks = ["a", "b"].map((n) => asyncio.create_task(party(n, barrier)));
  await asyncio.sleep(1);
  await barrier.abort();
  await asyncio.gather(...tasks);
  await party("late", barrier);
  print(`broken: ${barrier.broken ? "True" : "False"}`);
}

asyncio.run(main());
