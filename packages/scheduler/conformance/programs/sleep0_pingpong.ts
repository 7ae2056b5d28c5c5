import { asyncio, print } from "interleave";

async function player(name: string, turns: number) {
  for (let i = 0; i < turns; i++) {
    print(`${name} ${i}`);
    await asyncio.sleep(0);
  }
  print(`${name} done`);
}

async function main() {
  await asyncio.gather(player("ping", 3), player("pong", 2), player("pang", 1));
}

asyncio.run(main());
