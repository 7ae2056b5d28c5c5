import { __name__, multiprocessing, print, work } from "interleave";

async function add_up(numbers: number[], sums: multiprocessing.Queue<number>) {
  await work(1);
  let sum = 0;
  for (const n of numbers) sum += n;
  await sums.put(sum);
}

if (__name__ === "__main__") {
  const numbers = Array.from({ length: 100 }, (_, i) => i + 1);
  const halves = [numbers.slice(0, 50), numbers.slice(50)];
  const sums = new multiprocessing.Queue<number>();
  let total = 0;
  // Waits for each child before starting the next: right total, but no longer at the same time.
  for (const half of halves) {
    const p = new multiprocessing.Process({ target: add_up, args: [half, sums] });
    p.start();
    total += sums.get();
    p.join();
  }
  print(`total = ${total}`);
}
