/**
 * The bench workload on this scheduler: N tasks each sleep 10 times for pseudo-random virtual
 * delays (splitmix32, the same sequence as bench/workload.py, its CPython twin).
 */
import { __coro, type InterleaveModule, run } from "../src/index";

export const SLEEPS = 10;

/** splitmix32: the same 32-bit sequence as workload.py. */
export function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** Delays in whole milliseconds, 1..1000, as seconds: `n` lists of SLEEPS. */
export function delays(n: number): number[][] {
  const rand = splitmix32(42);
  return Array.from({ length: n }, () => Array.from({ length: SLEEPS }, () => ((rand() % 1000) + 1) / 1000));
}

/** Runs the workload; returns wall and CPU seconds (GC threads included) and the final virtual time. */
export function runWorkload(n: number): {
  tasks: number;
  wakeups: number;
  seconds: number;
  cpu: number;
  virtual: number;
} {
  const plan = delays(n);
  const limits = { maxSteps: 100 * n * SLEEPS, maxTime: 1e6, maxOutputLines: 10 };
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const result = run(
    ({ asyncio }: InterleaveModule) => {
      function sleeper(my: number[]) {
        return __coro("sleeper", function* () {
          for (const d of my) yield asyncio.sleep(d);
        });
      }
      function main() {
        return __coro("main", function* () {
          yield asyncio.gather(...plan.map(sleeper));
        });
      }
      asyncio.run(main());
    },
    { trace: false, limits },
  );
  const seconds = (performance.now() - start) / 1000;
  const cpuUsed = process.cpuUsage(cpuStart);
  const cpu = (cpuUsed.user + cpuUsed.system) / 1e6;
  if (result.status !== "ok") throw new Error(`bench run failed: ${result.status} ${result.error?.message}`);
  return { tasks: n, wakeups: n * SLEEPS, seconds, cpu, virtual: result.time };
}

/**
 * Heap bytes per task while `n` tasks wait in asyncio.sleep (needs node --expose-gc).
 * "compiled": each call makes its generator function, as the compiler's output does today;
 * "hoisted": one generator function shared by every call.
 */
export function memoryPerWaitingTask(n: number, form: "compiled" | "hoisted" = "compiled"): number {
  const maybeGc = (globalThis as { gc?: () => void }).gc;
  if (maybeGc === undefined) return Number.NaN;
  const gc = maybeGc;
  let perTask = Number.NaN;
  run(
    ({ asyncio }: InterleaveModule) => {
      function* waiterBody() {
        yield asyncio.sleep(1000);
      }
      function waiter() {
        if (form === "hoisted") return __coro("waiter", waiterBody);
        return __coro("waiter", function* () {
          yield asyncio.sleep(1000);
        });
      }
      function main() {
        return __coro("main", function* () {
          gc();
          const before = process.memoryUsage().heapUsed;
          const tasks = Array.from({ length: n }, () => asyncio.create_task(waiter()));
          yield asyncio.sleep(0); // every task starts and parks in its sleep
          gc();
          perTask = (process.memoryUsage().heapUsed - before) / n;
          for (const t of tasks) t.cancel();
        });
      }
      asyncio.run(main());
    },
    { trace: false, limits: { maxSteps: 10 * n, maxTime: 1e6 } },
  );
  return perTask;
}
