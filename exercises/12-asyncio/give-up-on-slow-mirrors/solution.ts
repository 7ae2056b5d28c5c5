import { asyncio, print } from "interleave";

// Three mirrors serve the same file. One of them has stopped answering. Do not change fetch_from.
const MIRRORS: [string, number][] = [
  ["eu", 1],
  ["us", 600],
  ["asia", 1.5],
];

async function fetch_from(mirror: string, seconds: number) {
  await asyncio.sleep(seconds);
  return `${mirror}: 200 OK`;
}

// Asks one mirror and prints its answer, or gives up after 2 seconds.
async function ask(mirror: string, seconds: number) {
  try {
    const answer = await asyncio.wait_for(fetch_from(mirror, seconds), 2);
    print(answer);
  } catch (error) {
    if (!(error instanceof asyncio.TimeoutError)) throw error;
    print(`${mirror}: gave up after 2 s`);
  }
}

async function main() {
  await asyncio.gather(...MIRRORS.map(([mirror, seconds]) => ask(mirror, seconds)));
  print("done");
}

asyncio.run(main());
