import { asyncio, print } from "interleave";

type Barrier = InstanceType<typeof asyncio.Barrier>;

async function runner(name: string, barrier: Barrier, delays: number[]) {
  for (const [roundNo, delay] of delays.entries()) {
    await asyncio.sleep(delay);
    print(`${name} arrives for round ${roundNo}`);
    const index = await barrier.wait();
    print(`${name} passes round ${roundNo} (index ${index})`);
  }
}

async function main() {
  const barrier = new asyncio.Barrier(3);
  await asyncio.gather(
    runner("a", barrier, [0.5, 1]),
    runner("b", barrier, [1, 0.25]),
    runner("c", barrier, [0.25, 0.5]),
  );
  print(
    `parties ${barrier.parties}, waiting ${barrier.n_waiting}, broken ${barrier.broken ? "True" : "False"}`,
  );
}

asyncio.run(main());
