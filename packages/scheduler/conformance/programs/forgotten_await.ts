import { asyncio, print } from "interleave";

async function save(item: string) {
  await asyncio.sleep(0.1);
  print(`saved ${item}`);
}

async function main() {
  save("a"); // forgot await: nothing happens, Python warns "coroutine 'save' was never awaited"
  await save("b");
  const t = asyncio.create_task(save("c")); // a task runs even if nobody awaits it...
  await asyncio.sleep(1);
  print(`c saved anyway: ${t.done() ? "True" : "False"}`);
}

asyncio.run(main());
