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
  // Waits 2 s, then reports, but the slow request is still running (and main waits for it).
  const request = asyncio.create_task(fetch_from(mirror, seconds));
  await asyncio.sleep(2);
  if (request.done()) print(request.result());
  else print(`${mirror}: gave up after 2 s`);
  await request;
}

async function main() {
  await asyncio.gather(...MIRRORS.map(([mirror, seconds]) => ask(mirror, seconds)));
  print("done");
}

asyncio.run(main());
