import { asyncio, print } from "interleave";

async function main() {
  const loop = asyncio.get_running_loop();
  const done = loop.create_future<string>();
  const cb = (name: string) => {
    print(`timer ${name} at ${loop.time().toFixed(3)}`);
    if (name === "last") done.set_result(name);
  };
  loop.call_later(0.3, cb, "c");
  loop.call_later(0.1, cb, "a");
  const h = loop.call_later(0.2, cb, "cancelled");
  loop.call_at(loop.time() + 0.2, cb, "b");
  loop.call_later(0.3, cb, "d");
  loop.call_later(0.5, cb, "last");
  h.cancel();
  print(`cancelled: ${h.cancelled() ? "True" : "False"}`);
  print(`done with ${await done}`);
}

asyncio.run(main());
