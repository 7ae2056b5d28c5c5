import { asyncio, print, work } from "interleave";

// Crunches the monthly numbers: 2.2 s of pure computing (work() stands for CPU-bound code).
async function build_report() {
  await work(2.2);
  return "report: 42 pages";
}

// The server must answer a health check every 0.5 s, or the load balancer takes it offline.
async function answer_health_checks() {
  for (let i = 1; i <= 6; i++) {
    await asyncio.sleep(0.5);
    print(`health check ${i}: ok`);
  }
}

async function main() {
  const checks = asyncio.create_task(answer_health_checks());
  const report = await build_report(); // await does not move the work anywhere
  print(report);
  await checks;
}

asyncio.run(main());
