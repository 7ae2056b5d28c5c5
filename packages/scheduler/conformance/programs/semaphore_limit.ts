import { asyncio, print, ValueError } from "interleave";

type Semaphore = InstanceType<typeof asyncio.Semaphore>;

async function download(name: string, sem: Semaphore, seconds: number) {
  await sem.acquire();
  try {
    print(`${name} starts`);
    await asyncio.sleep(seconds);
    print(`${name} ends`);
  } finally {
    sem.release();
  }
}

async function main() {
  const sem = new asyncio.Semaphore(2);
  await asyncio.gather(...[0, 1, 2, 3, 4].map((i) => download(`file${i}`, sem, 1 + i * 0.25)));
  print(`locked: ${sem.locked() ? "True" : "False"}`);
  const b = new asyncio.BoundedSemaphore(1);
  await b.acquire();
  b.release();
  try {
    b.release();
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    print(`ValueError: ${e.message}`);
  }
}

asyncio.run(main());
