import { asyncio, print } from "interleave";

async function sleeper(name: string, delays: number[]) {
  for (const d of delays) await asyncio.sleep(d);
  print(`${name} woke`);
}

async function main() {
  // All wake at t=1 by different paths: a chain of short sleeps ends a hair later than one
  // long sleep, because a real clock moves on at every hop.
  const tasks = [
    asyncio.create_task(sleeper("x", [1])),
    asyncio.create_task(sleeper("y", [0.5, 0.5])),
    asyncio.create_task(sleeper("z", [1])),
    asyncio.create_task(sleeper("w", [0.25, 0.75])),
  ];
  await asyncio.sleep(0.5);
  tasks.push(asyncio.create_task(sleeper("v", [0.5])));
  await asyncio.gather(...tasks);
  print("all woke");
}

asyncio.run(main());
