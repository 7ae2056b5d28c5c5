import { asyncio, print } from "interleave";

async function main() {
  await asyncio.sleep(1);
  print("world");
  print("hello");
}

asyncio.run(main());
