import { asyncio, print } from "interleave";

async function worker() {
  print("worker step 1");
  await asyncio.sleep(0);
  print("worker step 2");
}

async function main() {
  const loop = asyncio.get_running_loop();
  const cb = (name: string) => {
    print(`callback ${name}`);
    if (name === "a") loop.call_soon(cb, "a2");
  };
  loop.call_soon(cb, "a");
  loop.call_soon(cb, "b");
  const task = asyncio.create_task(worker());
  loop.call_soon(cb, "c");
  print("main before sleep(0)");
  await asyncio.sleep(0);
  print("main after sleep(0)");
  await asyncio.sleep(0);
  print("main after second sleep(0)");
  await task;
}

asyncio.run(main());
