import { __name__, multiprocessing, print, work } from "interleave";

let total = 0;

async function add_up(numbers: number[]) {
  await work(1); // adding up a half takes 1 virtual second of CPU work
  let sum = 0;
  for (const n of numbers) sum += n;
  total += sum; // the child adds its sum to `total`... but whose `total`?
}

if (__name__ === "__main__") {
  const numbers = Array.from({ length: 100 }, (_, i) => i + 1); // 1, 2, ..., 100
  const halves = [numbers.slice(0, 50), numbers.slice(50)];
  const workers = halves.map((half) => new multiprocessing.Process({ target: add_up, args: [half] }));
  for (const p of workers) p.start();
  for (const p of workers) p.join();
  print(`total = ${total}`);
}
