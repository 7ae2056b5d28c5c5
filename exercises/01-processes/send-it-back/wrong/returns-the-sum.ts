import { __name__, multiprocessing, print, work } from "interleave";

const sums: number[] = [];

async function add_up(numbers: number[]) {
  await work(1);
  let sum = 0;
  for (const n of numbers) sum += n;
  sums.push(sum); // pushed onto the child's own copy of the list
  return sum; // a Process target's return value is thrown away
}

if (__name__ === "__main__") {
  const numbers = Array.from({ length: 100 }, (_, i) => i + 1);
  const halves = [numbers.slice(0, 50), numbers.slice(50)];
  const workers = halves.map((half) => new multiprocessing.Process({ target: add_up, args: [half] }));
  for (const p of workers) p.start();
  for (const p of workers) p.join();
  print(`total = ${sums.reduce((a, b) => a + b, 0)}`);
}
