import { asyncio, print } from "interleave";

async function handle(name: string) {
  print(`${name} connected`);
  await asyncio.sleep(1); // read the request
  print(`${name} processed`);
  await asyncio.sleep(1); // send the response
  print(`${name} sent`);
}

async function main() {
  await asyncio.gather(handle("a"), handle("b"), handle("c"));
  print("all done");
}

asyncio.run(main());
