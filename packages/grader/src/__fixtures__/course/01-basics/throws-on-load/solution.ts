import { asyncio, print } from "interleave";

async function main() {
  print("hello");
  await asyncio.sleep(1);
  print("world");
}

asyncio.run(main());
