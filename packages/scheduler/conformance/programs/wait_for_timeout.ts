import { asyncio, print } from "interleave";

async function slow() {
  try {
    await asyncio.sleep(5);
    return "slow result";
  } finally {
    print("slow cleans up");
  }
}

async function fast() {
  await asyncio.sleep(0.5);
  return "fast result";
}

async function main() {
  print(await asyncio.wait_for(fast(), 1));
  try {
    await asyncio.wait_for(slow(), 1);
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print("slow timed out");
  }
  print(await asyncio.wait_for(fast(), null));
  try {
    await asyncio.wait_for(slow(), 0);
  } catch (e) {
    if (!(e instanceof asyncio.TimeoutError)) throw e;
    print("zero timeout");
  }
}

asyncio.run(main());
