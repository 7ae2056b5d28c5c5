import { __name__, asyncio, concurrent, print, work } from "interleave";

// Crunches the monthly numbers: 2.2 s of pure computing (work() stands for CPU-bound code).
// It runs in a worker, so, in this runtime, it is an async function that awaits work().
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
  // Hand the computing to another process; the loop only waits for its result.
  const pool = new concurrent.futures.ProcessPoolExecutor();
  const report = await asyncio.get_running_loop().run_in_executor(pool, build_report);
  print(report);
  pool.shutdown();
  await checks;
}

if (__name__ === "__main__") asyncio.run(main());
