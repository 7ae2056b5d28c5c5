import { asyncio, print } from "interleave";

async function handle_client(id: number) {
  print(`client ${id} connected`);
  await asyncio.sleep(1); // read the request
  print(`client ${id} processed`);
  await asyncio.sleep(1); // send the response
  print(`client ${id} sent`);
}

async function main() {
  // Tasks, but each one is awaited before the next is created: still one at a time.
  await asyncio.create_task(handle_client(1));
  await asyncio.create_task(handle_client(2));
  await asyncio.create_task(handle_client(3));
}

asyncio.run(main());
