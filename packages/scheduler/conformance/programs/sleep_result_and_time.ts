import { asyncio, print, time } from "interleave";

async function main() {
  const loop = asyncio.get_running_loop();
  const value = await asyncio.sleep(1.5, "slept");
  print(`${value} until ${loop.time().toFixed(2)}, monotonic ${time.monotonic().toFixed(2)}`);
  print(`time.time() - epoch = ${(time.time() - 1767225600).toFixed(2)}`);
  const t0 = time.perf_counter();
  await asyncio.sleep(0.25);
  print(`elapsed ${(time.perf_counter() - t0).toFixed(2)}`);
}

asyncio.run(main());
