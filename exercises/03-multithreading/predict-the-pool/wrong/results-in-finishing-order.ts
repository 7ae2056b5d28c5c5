import { concurrent, print, time } from "interleave";

const jobs: [string, number][] = [
  ["a", 3],
  ["b", 1],
  ["c", 1],
  ["d", 2],
];

async function job(name: string, seconds: number) {
  await time.sleep(seconds);
  print(`at ${time.monotonic()} s: ${name} done`);
  return name;
}

const pool = new concurrent.futures.ThreadPoolExecutor(2); // two workers
const names = pool.map(
  job,
  jobs.map(([name]) => name),
  jobs.map(([, seconds]) => seconds),
);
pool.shutdown();
print(`map returned ${names.join(", ")} at ${time.monotonic()} s`);

// Your prediction: the lines the program prints, in the order it prints them.
// Replace the question marks (add or remove lines as needed), then press Run to check.
const prediction: string[] = [
  "at 1 s: b done",
  "at 2 s: c done",
  "at 3 s: a done",
  "at 4 s: d done",
  "map returned b, c, a, d at 4 s",
];

export default prediction;
