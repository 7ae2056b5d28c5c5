import { __name__, multiprocessing, print, work } from "interleave";

async function add_up(numbers: number[], sums: multiprocessing.Queue<number>) {
  await work(1); // adding up a half takes 1 virtual second of CPU work
  let sum = 0;
  for (const n of numbers) sum += n;
  await sums.put(sum); // a copy of the sum travels to the parent
}

if (__name__ === "__main__") {
  const numbers = Array.from({ length: 100 }, (_, i) => i + 1); // 1, 2, ..., 100
  const halves = [numbers.slice(0, 50), numbers.slice(50)];
  const sums = new multiprocessing.Queue<number>();
  const workers = halves.map((half) => new multiprocessing.Process({ target: add_up, args: [half, sums] }));
  for (const p of workers) p.start();
  let total = 0;
  for (let i = 0; i < workers.length; i++) total += sums.get(); // one sum per child
  for (const p of workers) p.join();
  print(`total = ${total}`);
}
