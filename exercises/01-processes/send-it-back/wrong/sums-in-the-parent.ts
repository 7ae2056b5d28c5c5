import { __name__, print, work } from "interleave";

if (__name__ === "__main__") {
  // Gives up on the children: the right total, but both halves are added up by the parent.
  const numbers = Array.from({ length: 100 }, (_, i) => i + 1);
  let total = 0;
  for (const half of [numbers.slice(0, 50), numbers.slice(50)]) {
    work(1);
    for (const n of half) total += n;
  }
  print(`total = ${total}`);
}
