import { asyncio, print } from "interleave";

async function worker() {
  try {
    await asyncio.sleep(10);
  } catch (e) {
    if (e instanceof asyncio.CancelledError) print(`worker got: ${e.message}`);
    throw e;
  }
}

async function main() {
  const t = asyncio.create_task(worker());
  await asyncio.sleep(0.1);
  t.cancel("shutting down");
  try {
    await t;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print(`main got: ${e.message}`);
  }
}

asyncio.run(main());
