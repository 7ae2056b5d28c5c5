import { asyncio, print } from "interleave";

// Asks one replica of a database; it replies through a callback after `delay` seconds.
// Do not change it.
function ask_replica(name: string, delay: number, on_reply: (text: string) => void) {
  print(`asking ${name}`);
  asyncio.get_running_loop().call_later(delay, () => on_reply(`${name} says 42`));
}

async function first_reply(): Promise<string> {
  const answer = asyncio.get_running_loop().create_future();
  ask_replica("replica-1", 1.5, (text) => answer.set_result(text));
  ask_replica("replica-2", 0.8, () => {}); // its reply is thrown away
  return (await answer) as string;
}

async function main() {
  print(await first_reply());
  await asyncio.sleep(1); // the program goes on with other work
  print("done");
}

asyncio.run(main());
