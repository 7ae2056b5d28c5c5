import { __name__, concurrent, multiprocessing, print, threading, time, work } from "interleave";

async function render(frame: number) {
  await work(1); // 1 virtual second of computing per frame
  return `frame ${frame}`;
}

if (__name__ === "__main__") {
  const start = time.monotonic();
  // One worker process per core: four frames at a time, truly in parallel.
  const pool = new multiprocessing.Pool(multiprocessing.cpu_count());
  const frames = pool.map(render, [1, 2, 3, 4, 5, 6, 7, 8]);
  pool.close();
  pool.join();
  print(frames);
  print(`rendered in ${time.monotonic() - start} s`);
}
