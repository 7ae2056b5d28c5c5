import { asyncio, print } from "interleave";

async function quick() {
  return "quick result";
}

async function other() {
  print("other runs");
}

async function main() {
  const t = asyncio.create_task(quick());
  const o = asyncio.create_task(other());
  await asyncio.sleep(0);
  print(`quick done: ${t.done() ? "True" : "False"}`);
  print(`awaiting a done task: ${await t}`);
  const fut = asyncio.get_running_loop().create_future<number>();
  fut.set_result(5);
  print(`awaiting a done future: ${await fut}`);
  print("no yield happened in between");
  await o;
}

asyncio.run(main());
