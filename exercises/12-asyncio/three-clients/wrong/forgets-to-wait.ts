import { asyncio, print } from "interleave";

async function handle_client(id: number) {
  print(`client ${id} connected`);
  await asyncio.sleep(1); // read the request
  print(`client ${id} processed`);
  await asyncio.sleep(1); // send the response
  print(`client ${id} sent`);
}

async function main() {
  // The tasks start, but main returns at once and asyncio.run cancels them.
  asyncio.create_task(handle_client(1));
  asyncio.create_task(handle_client(2));
  asyncio.create_task(handle_client(3));
  await asyncio.sleep(0);
}

asyncio.run(main());
