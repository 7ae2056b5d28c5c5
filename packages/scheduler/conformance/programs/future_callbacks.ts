import { asyncio, print } from "interleave";

async function main() {
  const loop = asyncio.get_running_loop();
  const fut = loop.create_future<string>();
  fut.add_done_callback((f) => print(`callback 1 sees ${f.result()}`));
  fut.add_done_callback((f) => print(`callback 2 sees ${f.result()}`));
  loop.call_later(1, (v: string) => fut.set_result(v), "value");
  print(`done before: ${fut.done() ? "True" : "False"}`);
  const r = await fut;
  print(`awaited ${r}`);
  fut.add_done_callback(() => print("late callback"));
  await asyncio.sleep(0);
  print("after sleep(0)");
}

asyncio.run(main());
