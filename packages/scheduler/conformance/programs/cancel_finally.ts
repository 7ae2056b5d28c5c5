import { asyncio, print } from "interleave";

async function worker() {
  try {
    print("worker sleeping");
    await asyncio.sleep(5);
    print("never printed");
  } finally {
    print("worker cleanup starts");
    await asyncio.sleep(0.5);
    print("worker cleanup done");
  }
}

async function main() {
  const t = asyncio.create_task(worker());
  await asyncio.sleep(1);
  t.cancel();
  print(`cancelling: ${t.cancelling()}`);
  try {
    await t;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print("main saw the cancellation");
  }
  print(`cancelled: ${t.cancelled() ? "True" : "False"}`);
}

asyncio.run(main());
