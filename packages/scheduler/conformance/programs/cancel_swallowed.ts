import { asyncio, print } from "interleave";

async function stubborn() {
  try {
    await asyncio.sleep(10);
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print("stubborn ignores the cancellation");
  }
  await asyncio.sleep(1);
  return "finished anyway";
}

async function main() {
  const t = asyncio.create_task(stubborn());
  await asyncio.sleep(1);
  t.cancel();
  print(await t);
  print(`cancelled: ${t.cancelled() ? "True" : "False"}, cancelling: ${t.cancelling()}`);
}

asyncio.run(main());
