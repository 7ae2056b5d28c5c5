import { asyncio, print } from "interleave";

async function step(name: string) {
  print(`${name} runs`);
  await asyncio.sleep(1);
  print(`${name} done`);
}

async function main() {
  const a = step("A");
  const b = asyncio.create_task(step("B"));
  step("C");
  print("main: created A, B and C");
  await a;
  print("main: A finished");
  await b;
  print("main: B finished");
}

asyncio.run(main());

// Your prediction: the lines the program prints, in the order it prints them.
// (Native JavaScript order: every async call starts running at once.)
const prediction: string[] = [
  "A runs",
  "B runs",
  "C runs",
  "main: created A, B and C",
  "A done",
  "main: A finished",
  "B done",
  "main: B finished",
];

export default prediction;
