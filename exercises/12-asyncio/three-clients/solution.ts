import { asyncio, print } from "interleave";

async function handle_client(id: number) {
  print(`client ${id} connected`);
  await asyncio.sleep(1); // read the request
  print(`client ${id} processed`);
  await asyncio.sleep(1); // send the response
  print(`client ${id} sent`);
}

async function main() {
  // gather wraps each coroutine in a task: the three clients wait at the same time.
  await asyncio.gather(handle_client(1), handle_client(2), handle_client(3));
}

asyncio.run(main());
