import { __name__, concurrent, multiprocessing, print, threading, time, work } from "interleave";

async function render(frame: number) {
  await work(1); // 1 virtual second of computing per frame
  return `frame ${frame}`;
}

if (__name__ === "__main__") {
  const start = time.monotonic();
  // A pool, but of threads: they still share one GIL.
  const pool = new concurrent.futures.ThreadPoolExecutor(4);
  const frames = pool.map(render, [1, 2, 3, 4, 5, 6, 7, 8]);
  pool.shutdown();
  print(frames);
  print(`rendered in ${time.monotonic() - start} s`);
}
