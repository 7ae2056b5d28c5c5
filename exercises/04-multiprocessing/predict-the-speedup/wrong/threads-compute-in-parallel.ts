import { __name__, multiprocessing, print, threading, time, work } from "interleave";

async function compute(n: number) {
  await work(1); // 1 virtual second of computing
  return n;
}

async function wait(n: number) {
  await time.sleep(1); // 1 virtual second of waiting
  return n;
}

/** Runs `target` in one thread per job and prints how long they took. */
function in_threads(label: string, target: (n: number) => Promise<number>, jobs: number[]) {
  const start = time.monotonic();
  const threads = jobs.map((n) => new threading.Thread({ target, args: [n] }));
  for (const t of threads) t.start();
  for (const t of threads) t.join();
  print(`${label}: ${time.monotonic() - start} s`);
}

if (__name__ === "__main__") {
  in_threads("2 threads computing", compute, [1, 2]);
  in_threads("6 threads waiting", wait, [1, 2, 3, 4, 5, 6]);

  const pool = new multiprocessing.Pool(2); // two worker processes (the machine has 4 cores)
  let start = time.monotonic();
  pool.map(compute, [1, 2, 3, 4, 5, 6]);
  print(`pool of 2 computing 6 jobs: ${time.monotonic() - start} s`);
  start = time.monotonic();
  pool.map(wait, [1, 2, 3, 4]);
  print(`pool of 2 waiting 4 jobs: ${time.monotonic() - start} s`);
  pool.close();
  pool.join();
}

// Your prediction: the lines the program prints, in the order it prints them.
// Replace the question marks (add or remove lines as needed), then press Run to check.
const prediction: string[] = [
  "2 threads computing: 1 s",
  "6 threads waiting: 1 s",
  "pool of 2 computing 6 jobs: 3 s",
  "pool of 2 waiting 4 jobs: 2 s",
];

export default prediction;
