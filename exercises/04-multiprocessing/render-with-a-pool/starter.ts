import { __name__, concurrent, multiprocessing, print, threading, time, work } from "interleave";

async function render(frame: number) {
  await work(1); // 1 virtual second of computing per frame
  return `frame ${frame}`;
}

if (__name__ === "__main__") {
  const start = time.monotonic();
  // Eight threads... that take turns on one GIL.
  const frames: string[] = [];
  async function render_into(frame: number) {
    frames[frame - 1] = await render(frame);
  }
  const threads = [1, 2, 3, 4, 5, 6, 7, 8].map(
    (n) => new threading.Thread({ target: render_into, args: [n] }),
  );
  for (const t of threads) t.start();
  for (const t of threads) t.join();
  print(frames);
  print(`rendered in ${time.monotonic() - start} s`);
}
