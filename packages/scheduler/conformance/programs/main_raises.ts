import { asyncio, print, ValueError } from "interleave";

async function helper() {
  await asyncio.sleep(0.5);
  print("helper finished");
}

async function main() {
  asyncio.create_task(helper());
  await asyncio.sleep(1);
  print("main about to fail");
  throw new ValueError("something went wrong");
}

asyncio.run(main());
