import { __name__, concurrent, print, time, work } from "interleave";

const FILES = ["photos.zip", "music.tar", "notes.db", "video.mkv"];

/** Reads a file (1 virtual second of waiting), then hashes it (1 virtual second of computing). */
async function checksum(name: string) {
  await time.sleep(1); // reading from the disk
  await work(1); // hashing: pure computing
  let sum = 0;
  for (const ch of name) sum = (sum * 31 + ch.charCodeAt(0)) % 65521;
  return `${name}: ${sum}`;
}

if (__name__ === "__main__") {
  const start = time.monotonic();
  // A pool, but of threads: four workers that share one GIL.
  const pool = new concurrent.futures.ThreadPoolExecutor(4);
  const results = pool.map(checksum, FILES);
  pool.shutdown();
  for (const line of results) print(line);
  print(`checked ${FILES.length} files in ${time.monotonic() - start} s`);
}
