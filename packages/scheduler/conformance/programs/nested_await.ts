import { asyncio, print } from "interleave";

async function leaf(n: number) {
  print(`leaf ${n}`);
  return n + 1;
}

async function middle(n: number) {
  const a = await leaf(n);
  const b = await leaf(a);
  return b;
}

async function ticker() {
  for (let i = 0; i < 3; i++) {
    print(`tick ${i}`);
    await asyncio.sleep(0);
  }
}

async function main() {
  const t = asyncio.create_task(ticker());
  await asyncio.sleep(0);
  print("main awaits coroutines inline");
  const r = await middle(1);
  print(`middle returned ${r} without yielding to ticker`);
  await asyncio.sleep(0);
  print("main yielded once");
  await t;
}

asyncio.run(main());
