import { print, threading, time, work } from "interleave";

async function compute(name: string) {
  await work(1); // 1 virtual second of computing: needs the GIL
  print(`${name} computed by ${time.monotonic()} s`);
}

async function wait(name: string) {
  await time.sleep(1.5); // 1.5 virtual seconds of waiting: no GIL needed
  print(`${name} waited until ${time.monotonic()} s`);
}

const threads = [
  new threading.Thread({ target: compute, args: ["a"] }),
  new threading.Thread({ target: compute, args: ["b"] }),
  new threading.Thread({ target: wait, args: ["c"] }),
];
for (const t of threads) t.start();
for (const t of threads) t.join();
print(`all done at ${time.monotonic()} s`);

// Your prediction: the lines the program prints, in the order it prints them.
// Replace the question marks (add or remove lines as needed), then press Run to check.
const prediction: string[] = [
  "a computed by 1 s",
  "b computed by 1 s",
  "c waited until 1.5 s",
  "all done at 1.5 s",
];

export default prediction;
