import { __name__, concurrent, multiprocessing, print, time, work } from "interleave";

// Waiting: 1 virtual second for the server to send a page.
async function download(name: string) {
  await time.sleep(1);
  return `<${name}>`;
}

// Computing: 1 virtual second of CPU work to compress two pages into one archive.
async function compress(pair: string[]) {
  await work(1);
  return pair.join("+");
}

const PAGES = ["a", "b", "c", "d", "e", "f", "g", "h"];

function pairs(pages: string[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < pages.length; i += 2) out.push(pages.slice(i, i + 2));
  return out;
}

if (__name__ === "__main__") {
  const start = time.monotonic();
  // One worker thread does everything, one job after another.
  const helper = new concurrent.futures.ThreadPoolExecutor(1);
  const pages = helper.map(download, PAGES);
  const archives = helper.map(compress, pairs(pages));
  helper.shutdown();
  print(archives);
  print(`done in ${time.monotonic() - start} s`);
}
