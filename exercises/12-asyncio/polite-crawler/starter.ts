import { asyncio, print } from "interleave";

// The server answers at most 3 requests at a time; a 4th one at the same moment is refused.
// Do not change fetch_page.
const SECONDS = [3, 1, 1, 2, 1, 1, 1, 2, 1, 1]; // how long each page takes to download
let busy = 0;

async function fetch_page(n: number) {
  if (busy === 3) throw new Error(`429 Too Many Requests (page ${n})`);
  busy += 1;
  print(`start page ${n}`);
  await asyncio.sleep(SECONDS[n - 1]!);
  print(`done page ${n}`);
  busy -= 1;
}

const PAGES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

async function main() {
  // All ten requests at once: the server refuses the 4th.
  await asyncio.gather(...PAGES.map((n) => fetch_page(n)));
  print("crawl finished");
}

asyncio.run(main());
