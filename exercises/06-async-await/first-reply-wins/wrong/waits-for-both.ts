import { asyncio, print } from "interleave";

// Asks one replica of a database; it replies through a callback after `delay` seconds.
// Do not change it.
function ask_replica(name: string, delay: number, on_reply: (text: string) => void) {
  print(`asking ${name}`);
  asyncio.get_running_loop().call_later(delay, () => on_reply(`${name} says 42`));
}

async function first_reply(): Promise<string> {
  const loop = asyncio.get_running_loop();
  const one = loop.create_future();
  const two = loop.create_future();
  ask_replica("replica-1", 1.5, (text) => one.set_result(text));
  ask_replica("replica-2", 0.8, (text) => two.set_result(text));
  // Waits for both, so the answer comes with the slower replica.
  const [first] = await asyncio.gather(two, one);
  return first as string;
}

async function main() {
  print(await first_reply());
  await asyncio.sleep(1); // the program goes on with other work
  print("done");
}

asyncio.run(main());
