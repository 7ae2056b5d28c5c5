/**
 * The sandbox's bench (`npm run bench` in this package). Prints, in one run:
 * - the overhead of a fresh run of a trivial program in a warm worker (p50, p99): in a context
 *   the previous run left clean, and through the Node pool (a round trip to a worker thread);
 *   beside it, what making a new context costs (evaluating the runtime bundle), which a worker
 *   pays once per MAX_RUNS runs or after a run stopped by a limit, while idle;
 * - runs per second per core of a typical exercise program, back to back;
 * - the scheduler's switch rate inside QuickJS beside CPython asyncio's, same workload;
 * - a multiprocessing run (three child processes) and a child context's cost (bench/children.ts).
 * Figures depend on the machine and its load; docs/sandbox.md records measured ones.
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { Engine } from "../src/engine";
import { TYPICAL } from "../src/fixtures/programs";
import { resolveLimits } from "../src/limits";
import { createNodeSandbox } from "../src/node/pool";
import { MAX_RUNS, PreparedContext } from "../src/prepared-context";
import { QuickJSSandbox } from "../src/sandbox";
import { childrenBench } from "./children";

const TRIVIAL = `import { print } from "interleave";\nprint("hi");\n`;
const SWITCHES = 20_000;
const SWITCH_PROGRAM = `import { asyncio } from "interleave";
async function main() { for (let i = 0; i < ${SWITCHES}; i++) await asyncio.sleep(0); }
asyncio.run(main());
`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function ms(x: number): string {
  return `${x.toFixed(3)} ms`;
}

const idle = () => new Promise<void>((resolve) => setTimeout(resolve, 1));

async function overhead(runs: number): Promise<number[]> {
  const sandbox = await QuickJSSandbox.create();
  const times: number[] = [];
  for (let i = 0; i < runs + 20; i++) {
    await idle();
    const t = performance.now();
    const result = await sandbox.run(TRIVIAL);
    const dt = performance.now() - t;
    if (result.status !== "ok") throw new Error(`trivial run failed: ${JSON.stringify(result.error)}`);
    if (i >= 20) times.push(dt);
  }
  sandbox.dispose();
  return times.sort((a, b) => a - b);
}

async function contextCost(contexts: number): Promise<number[]> {
  const engine = await Engine.load({ memoryBytes: resolveLimits().memoryBytes });
  const times: number[] = [];
  for (let i = 0; i < contexts + 3; i++) {
    const t = performance.now();
    const prepared = PreparedContext.create(engine);
    if (i >= 3) times.push(performance.now() - t);
    prepared.dispose();
  }
  engine.dispose();
  return times.sort((a, b) => a - b);
}

async function poolOverhead(runs: number): Promise<number[]> {
  const pool = createNodeSandbox({ threads: 1 });
  const times: number[] = [];
  for (let i = 0; i < runs + 20; i++) {
    await idle();
    const t = performance.now();
    await pool.run(TRIVIAL);
    if (i >= 20) times.push(performance.now() - t);
  }
  await pool.dispose();
  return times.sort((a, b) => a - b);
}

async function runsPerSecond(seconds: number): Promise<number> {
  const sandbox = await QuickJSSandbox.create({ whenIdle: () => {} });
  await sandbox.run(TYPICAL.source);
  let runs = 0;
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) {
    const result = await sandbox.run(TYPICAL.source);
    if (result.status !== "ok") throw new Error("typical program failed");
    runs++;
  }
  sandbox.dispose();
  return runs / ((performance.now() - start) / 1000);
}

async function switchRate(): Promise<number> {
  const sandbox = await QuickJSSandbox.create();
  const options = { trace: false, limits: { deadlineMs: 120_000 } };
  await sandbox.run(SWITCH_PROGRAM, options);
  let best = 0;
  for (let i = 0; i < 3; i++) {
    await idle();
    const base = performance.now();
    await sandbox.run(TRIVIAL, options);
    const fixed = performance.now() - base;
    await idle();
    const t = performance.now();
    const result = await sandbox.run(SWITCH_PROGRAM, options);
    const dt = performance.now() - t - fixed;
    if (result.status !== "ok") throw new Error(`switch program failed: ${JSON.stringify(result.error)}`);
    best = Math.max(best, SWITCHES / (dt / 1000));
  }
  sandbox.dispose();
  return best;
}

function cpythonRate(): string {
  const script = fileURLToPath(new URL("./asyncio_switch.py", import.meta.url));
  try {
    return execFileSync("python3", [script, "200000"], { encoding: "utf8" }).trim();
  } catch {
    return "n/a (python3 not found)";
  }
}

const warm = await overhead(300);
const cold = await contextCost(30);
const pool = await poolOverhead(200);
const rps = await runsPerSecond(5);
const qjs = await switchRate();
const py = cpythonRate();
const children = await childrenBench(percentile, ms);

console.log("sandbox bench (QuickJS-ng, one thread; figures vary with machine load)");
console.log(
  `fresh run, trivial program, warm worker (context reset after the last run): p50 ${ms(percentile(warm, 50))}  p99 ${ms(percentile(warm, 99))}`,
);
console.log(
  `making a new context (runtime bundle evaluated; once per ${MAX_RUNS} runs, while idle): p50 ${ms(percentile(cold, 50))}  p99 ${ms(percentile(cold, 99))}`,
);
console.log(
  `fresh run through the Node pool, back to back (worker round trip):   p50 ${ms(percentile(pool, 50))}  p99 ${ms(percentile(pool, 99))}`,
);
console.log(`runs per second per core, typical exercise ("${TYPICAL.name}"): ${rps.toFixed(1)}`);
console.log(
  `switch rate (await asyncio.sleep(0), one task): QuickJS ${Math.round(qjs)}/s  CPython asyncio ${py}/s`,
);
console.log(`targets: fresh-run p50 < 1 ms; QuickJS switch rate >= CPython's`);
for (const line of children) console.log(line);
