import { asyncio, print } from "interleave";

async function worker(name: string) {
  print(`${name} step 1`);
  await asyncio.sleep(0);
  print(`${name} step 2`);
}

async function main() {
  const loop = asyncio.get_running_loop();
  loop.call_later(0.1, () => print("timer"));
  const a = asyncio.create_task(worker("A"));
  loop.call_soon(() => print("callback"));
  const b = asyncio.create_task(worker("B"));
  print("main");
  await asyncio.sleep(0);
  print("main again");
  await a;
  await b;
  await asyncio.sleep(0.2);
  print("end");
}

asyncio.run(main());

// Your prediction: the lines the program prints, in the order it prints them.
// (Thinks plain callbacks jump ahead of tasks; the ready queue is first come, first served.)
const prediction: string[] = [
  "main",
  "callback",
  "A step 1",
  "B step 1",
  "main again",
  "A step 2",
  "B step 2",
  "timer",
  "end",
];

export default prediction;
