import { asyncio, print } from "interleave";

async function job(n: number) {
  print(`job ${n} starts`);
  await asyncio.sleep(0.1 * (3 - n));
  print(`job ${n} ends`);
  return n * 10;
}

async function main() {
  const tasks = [0, 1, 2].map((n) => asyncio.create_task(job(n)));
  print("tasks created");
  for (const t of [...tasks].reverse()) print(`${t.get_name()} -> ${await t}`);
}

asyncio.run(main());
