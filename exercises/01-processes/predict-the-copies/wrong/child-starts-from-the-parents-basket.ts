import { __name__, multiprocessing, print } from "interleave";

const basket = ["apple"];

async function shopper(list: string[], counts: multiprocessing.Queue<number>) {
  basket.push("pear");
  list.push("plum");
  print(`child basket: ${basket.join(" ")}`);
  print(`child list: ${list.join(" ")}`);
  await counts.put(list.length);
}

if (__name__ === "__main__") {
  basket.push("bread");
  const list = ["milk"];
  const counts = new multiprocessing.Queue<number>();
  const p = new multiprocessing.Process({ target: shopper, args: [list, counts] });
  p.start();
  const n = counts.get(); // waits for the child's message
  p.join();
  print(`parent basket: ${basket.join(" ")}`);
  print(`parent list: ${list.join(" ")}`);
  print(`the child's list had ${n} items`);
}

// Your prediction: the lines the program prints, in the order it prints them.
// Replace the question marks (add or remove lines as needed), then press Run to check.
const prediction: string[] = [
  "child basket: apple bread pear",
  "child list: milk plum",
  "parent basket: apple bread",
  "parent list: milk",
  "the child's list had 2 items",
];

export default prediction;
