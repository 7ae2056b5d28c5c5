import { asyncio, print, time } from "interleave";

async function ticker() {
  for (let i = 0; i < 4; i++) {
    print(`tick ${i}`);
    await asyncio.sleep(0.5);
  }
}

async function blocker() {
  await asyncio.sleep(0.75);
  print("blocker calls time.sleep(2): the whole loop stalls");
  time.sleep(2);
  print("blocker is back");
}

async function main() {
  await asyncio.gather(ticker(), blocker());
}

asyncio.run(main());
