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
  // Waiting overlaps in threads: eight downloads at once, 1 s.
  const downloaders = new concurrent.futures.ThreadPoolExecutor(8);
  const pages = downloaders.map(download, PAGES);
  downloaders.shutdown();
  // Computing needs cores: four processes, four archives at once, 1 s.
  const pool = new multiprocessing.Pool(4);
  const archives = pool.map(compress, pairs(pages));
  pool.close();
  pool.join();
  print(archives);
  print(`done in ${time.monotonic() - start} s`);
}
