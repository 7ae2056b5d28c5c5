import { __name__, multiprocessing, print, threading, time, work } from "interleave";

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
  // A pool of processes, but only one worker: one file after another.
  const pool = new multiprocessing.Pool(1);
  const results = pool.map(checksum, FILES);
  pool.close();
  pool.join();
  for (const line of results) print(line);
  print(`checked ${FILES.length} files in ${time.monotonic() - start} s`);
}
