import { asyncio, print } from "interleave";

async function handle_client(id: number) {
  print(`client ${id} connected`);
  await asyncio.sleep(1); // read the request
  print(`client ${id} processed`);
  await asyncio.sleep(1); // send the response
  print(`client ${id} sent`);
}

async function main() {
  // Serves one client after another: 6 virtual seconds in all.
  await handle_client(1);
  await handle_client(2);
  await handle_client(3);
}

asyncio.run(main());
