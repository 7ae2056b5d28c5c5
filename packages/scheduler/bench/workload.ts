/**
 * The bench workload on this scheduler: N tasks each sleep 10 times for pseudo-random virtual
 * delays (splitmix32, the same sequence as bench/workload.py, its CPython twin). The programs
 * are TypeScript compiled by @interleave/compiler, so the bench measures the code students' programs
 * become.
 */
import { runInThisContext } from "node:vm";
import { compile, wrapAsFunctionBody } from "@interleave/compiler";
import { type InterleaveModule, run } from "../src/index";

type ModuleBody = (
  require: (name: string) => unknown,
  exports: Record<string, unknown>,
  module: { exports: Record<string, unknown> },
  coro: InterleaveModule["__coro"],
) => void;

/** Compiles a bench program (trusted: evaluated in this process) and returns its module body. */
function load(source: string): ModuleBody {
  const compiled = compile(source, { filename: "bench.ts" });
  if (!compiled.ok) throw new Error(`bench program: ${compiled.error.message}`);
  return runInThisContext(wrapAsFunctionBody(compiled.code), { filename: "bench.ts" }) as ModuleBody;
}

/** Imports a compiled program in a run: its exports. */
function importIn(body: ModuleBody, module: InterleaveModule): Record<string, unknown> {
  const exports: Record<string, unknown> = {};
  body(() => module, exports, { exports }, module.__coro);
  return exports;
}

const SLEEPERS = load(`import { asyncio } from "interleave";
export async function sleeper(my: number[]) {
  for (const d of my) await asyncio.sleep(d);
}
export async function main(plan: number[][]) {
  await asyncio.gather(...plan.map(sleeper));
}
`);

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
    (module: InterleaveModule) => {
      const { main } = importIn(SLEEPERS, module) as { main: (plan: number[][]) => never };
      module.asyncio.run(main(plan));
    },
    { trace: false, limits },
  );
  const seconds = (performance.now() - start) / 1000;
  const cpuUsed = process.cpuUsage(cpuStart);
  const cpu = (cpuUsed.user + cpuUsed.system) / 1e6;
  if (result.status !== "ok") throw new Error(`bench run failed: ${result.status} ${result.error?.message}`);
  return { tasks: n, wakeups: n * SLEEPS, seconds, cpu, virtual: result.time };
}

/** A task that waits, written as an async function declaration and as a function expression. */
const WAITERS = load(`import { asyncio } from "interleave";
export async function declared() {
  await asyncio.sleep(1000);
}
export const expression = async function () {
  await asyncio.sleep(1000);
};
`);

/**
 * Heap bytes per task while `n` tasks wait in asyncio.sleep (needs node --expose-gc), for a
 * task running an async function declaration (the compiler hoists its generator function, made
 * once) or an async function expression (its generator function is made per call).
 */
export function memoryPerWaitingTask(n: number, form: "declared" | "expression" = "declared"): number {
  const maybeGc = (globalThis as { gc?: () => void }).gc;
  if (maybeGc === undefined) return Number.NaN;
  const gc = maybeGc;
  let perTask = Number.NaN;
  run(
    (module: InterleaveModule) => {
      const { asyncio, __coro } = module;
      const waiter = importIn(WAITERS, module)[form] as () => ReturnType<typeof asyncio.sleep>;
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
