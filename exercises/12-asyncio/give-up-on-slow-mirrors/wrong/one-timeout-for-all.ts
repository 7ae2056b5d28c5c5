import { asyncio, print } from "interleave";

const MIRRORS: [string, number][] = [
  ["eu", 1],
  ["us", 600],
  ["asia", 1.5],
];

async function fetch_from(mirror: string, seconds: number) {
  await asyncio.sleep(seconds);
  return `${mirror}: 200 OK`;
}

async function main() {
  // One timeout around everything: the slow mirror cancels the answers of the fast ones too.
  try {
    const answers = await asyncio.wait_for(
      asyncio.gather(...MIRRORS.map(([mirror, seconds]) => fetch_from(mirror, seconds))),
      2,
    );
    for (const answer of answers) print(answer);
  } catch (error) {
    if (!(error instanceof asyncio.TimeoutError)) throw error;
    print("gave up after 2 s");
  }
  print("done");
}

asyncio.run(main());
