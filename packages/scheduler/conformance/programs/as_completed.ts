import { asyncio, print } from "interleave";

async function job(name: string, delay: number) {
  await asyncio.sleep(delay);
  return `${name} after ${delay}`;
}

async function main() {
  let tasks = (
    [
      ["a", 3],
      ["b", 1],
      ["c", 2],
    ] as const
  ).map(([n, d]) => asyncio.create_task(job(n, d)));
  for (const nextDone of asyncio.as_completed(tasks)) print(await nextDone);
  tasks = (
    [
      ["d", 1],
      ["e", 5],
    ] as const
  ).map(([n, d]) => asyncio.create_task(job(n, d)));
  try {
    for (const nextDone of asyncio.as_completed(tasks, { timeout: 2 })) print(await nextDone);
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print(`as_completed timed out at ${asyncio.get_running_loop().time().toFixed(1)}`);
  }
  tasks[1]!.cancel();
}

asyncio.run(main());
