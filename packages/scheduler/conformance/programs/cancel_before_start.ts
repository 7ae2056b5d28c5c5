import { asyncio, print } from "interleave";

const py = (b: boolean) => (b ? "True" : "False");

async function never() {
  print("never runs");
}

async function main() {
  const t = asyncio.create_task(never());
  print(`cancel: ${py(t.cancel())}`);
  print(`cancel again: ${py(t.cancel())}`);
  await asyncio.sleep(0);
  print(`done: ${py(t.done())}, cancelled: ${py(t.cancelled())}`);
  print(`cancel after done: ${py(t.cancel())}`);
}

asyncio.run(main());
