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

async function ask(mirror: string, seconds: number) {
  // The TimeoutError ends the whole program.
  const answer = await asyncio.wait_for(fetch_from(mirror, seconds), 2);
  print(answer);
}

async function main() {
  await asyncio.gather(...MIRRORS.map(([mirror, seconds]) => ask(mirror, seconds)));
  print("done");
}

asyncio.run(main());
