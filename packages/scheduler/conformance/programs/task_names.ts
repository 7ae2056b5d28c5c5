import { asyncio, print, str } from "interleave";

async function nap(seconds: number) {
  await asyncio.sleep(seconds);
}

async function main() {
  const me = asyncio.current_task()!;
  print(`main task: ${me.get_name()}`);
  const t1 = asyncio.create_task(nap(1));
  const t2 = asyncio.create_task(nap(2), { name: "napper" });
  t1.set_name("renamed");
  const t3 = asyncio.get_running_loop().create_task(nap(0.5), { name: "loop-named" });
  const t4 = asyncio.create_task(nap(0.5));
  print(`after named tasks: ${t3.get_name()}, ${t4.get_name()}`);
  print(`names: ${t1.get_name()}, ${t2.get_name()}`);
  print(`alive tasks: ${asyncio.all_tasks().size}`);
  await t1;
  print(`alive tasks after t1: ${asyncio.all_tasks().size}`);
  await t2;
  print(`t2 done: ${t2.done() ? "True" : "False"}, result: ${str(t2.result())}`);
}

asyncio.run(main());
