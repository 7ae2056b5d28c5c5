import { __name__, concurrent, multiprocessing, print, threading, time, work } from "interleave";

async function render(frame: number) {
  await work(1); // 1 virtual second of computing per frame
  return `frame ${frame}`;
}

if (__name__ === "__main__") {
  const start = time.monotonic();
  const frames: string[] = [];
  const pool = new multiprocessing.Pool(4);
  for (const n of [1, 2, 3, 4, 5, 6, 7, 8]) {
    frames.push(pool.apply(render, [n])); // apply waits for the result: one frame at a time
  }
  pool.close();
  pool.join();
  print(frames);
  print(`rendered in ${time.monotonic() - start} s`);
}
