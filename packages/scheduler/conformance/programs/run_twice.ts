import { asyncio, print } from "interleave";

async function child() {
  await asyncio.sleep(0.5);
  return "child";
}

async function main(n: number) {
  const t = asyncio.create_task(child());
  print(`run ${n}: main is ${asyncio.current_task()!.get_name()}, child is ${t.get_name()}`);
  return `${await t} of run ${n}`;
}

print(asyncio.run(main(1)));
print(asyncio.run(main(2)));
