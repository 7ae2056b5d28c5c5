import { asyncio, print, time } from "interleave";

async function handle_client(id: number) {
  print(`client ${id} connected`);
  time.sleep(1); // blocks the whole event loop
  print(`client ${id} processed`);
  time.sleep(1);
  print(`client ${id} sent`);
}

async function main() {
  await asyncio.gather(handle_client(1), handle_client(2), handle_client(3));
}

asyncio.run(main());
