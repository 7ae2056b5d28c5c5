import { asyncio, print, work } from "interleave";

// Crunches the monthly numbers: 2.2 s of pure computing (work() stands for CPU-bound code).
function build_report() {
  work(2.2);
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
  const report = build_report(); // 2.2 s of CPU on the event loop's thread
  print(report);
  await checks;
}

asyncio.run(main());
