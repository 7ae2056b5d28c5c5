import { asyncio, print } from "interleave";

// Asks a host whether it is up; the reply takes 1 second.
async function ping(host: string) {
  print(`ping ${host}`);
  await asyncio.sleep(1); // wait for the reply, letting other tasks run
  print(`${host} is up`);
}

// Shows the user that the program is alive while it waits.
async function spinner() {
  for (let i = 1; ; i++) {
    await asyncio.sleep(0.3);
    print(`waiting... ${i}`);
  }
}

async function main() {
  const spin = asyncio.create_task(spinner());
  await ping("db");
  await ping("cache");
  await ping("api");
  spin.cancel();
  print("all hosts checked");
}

asyncio.run(main());
