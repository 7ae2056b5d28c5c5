import { asyncio, print } from "interleave";

async function important() {
  await asyncio.sleep(2);
  print("important work finished");
  return "saved";
}

async function main() {
  const inner = asyncio.create_task(important());
  const outer = asyncio.shield(inner);
  await asyncio.sleep(1);
  outer.cancel();
  try {
    await outer;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print("the shield was cancelled");
  }
  print(`inner cancelled: ${inner.cancelled() ? "True" : "False"}`);
  print(`inner result: ${await inner}`);
}

asyncio.run(main());
