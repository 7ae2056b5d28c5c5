import { asyncio, print } from "interleave";

const py = (b: boolean) => (b ? "True" : "False");

async function child(name: string) {
  try {
    await asyncio.sleep(10);
  } catch (e) {
    if (e instanceof asyncio.CancelledError) print(`${name} cancelled`);
    throw e;
  } finally {
    print(`${name} cleans up`);
  }
}

async function main() {
  const g = asyncio.gather(child("a"), child("b"));
  await asyncio.sleep(1);
  print(`cancel returned ${py(g.cancel())}`);
  try {
    await g;
  } catch (e) {
    if (!(e instanceof asyncio.CancelledError)) throw e;
    print("gather was cancelled");
  }
  print(`gather cancelled: ${py(g.cancelled())}`);
}

asyncio.run(main());
