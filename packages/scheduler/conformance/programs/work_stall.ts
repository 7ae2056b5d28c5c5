import { asyncio, print, time, work } from "interleave";

async function heartbeat() {
  for (let i = 0; i < 3; i++) {
    print(`heartbeat ${i} at ${time.monotonic().toFixed(2)}`);
    await asyncio.sleep(1);
  }
}

async function cruncher() {
  print("crunching numbers for 1.5 s of CPU");
  work(1.5);
  print("crunching done");
}

async function main() {
  await asyncio.gather(heartbeat(), cruncher());
}

print("setting up takes 0.25 s of CPU before the loop starts");
work(0.25);
asyncio.run(main());
print(`finished at ${time.monotonic().toFixed(2)}`);
