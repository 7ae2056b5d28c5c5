import { asyncio, print } from "interleave";

async function sleeper(name: string, delays: number[]) {
  for (const d of delays) await asyncio.sleep(d);
  print(`${name} woke`);
}

async function main() {
  // x, y, z and u all sleep 1 s from the same instant: they wake in the order they slept.
  const tasks = ["x", "y", "z"].map((n) => asyncio.create_task(sleeper(n, [1])));
  tasks.push(asyncio.create_task(sleeper("w", [0.25, 0.5])));
  tasks.push(asyncio.create_task(sleeper("u", [1])));
  await asyncio.sleep(0.5);
  tasks.push(asyncio.create_task(sleeper("v", [0.75])));
  await asyncio.gather(...tasks);
  print("all woke");
}

asyncio.run(main());
