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
import { DEFAULT_VARIANT, Engine, type VariantName } from "../src/engine";
import { TYPICAL } from "../src/fixtures/programs";
import { resolveLimits } from "../src/limits";
import { createNodeSandbox } from "../src/node/pool";
import { MAX_RUNS, PreparedContext } from "../src/prepared-context";
import { QuickJSSandbox } from "../src/sandbox";
import { childrenBench } from "./children";

const OTHER_VARIANT: VariantName = DEFAULT_VARIANT === "ng" ? "bellard" : "ng";
const TRIVIAL = `import { print } from "interleave";\nprint("hi");\n`;
const SWITCHES = 50_000;
const SWITCH_ROUNDS = 9;
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

/** CPU seconds this process has used (user + system). */
function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/** One round's rates for a workload: wall clock and per CPU second (switches/s). */
interface Rate {
  wall: number;
  cpu: number;
}

/**
 * One round of the switch workload in QuickJS: the switch program's run minus a trivial run's
 * (the fixed cost of a run: compile cache hit, entry, result copy), in wall and CPU time.
 */
async function quickjsSwitchRound(sandbox: QuickJSSandbox): Promise<Rate> {
  const options = { trace: false, limits: { deadlineMs: 120_000 } };
  await idle();
  let wall = performance.now();
  let cpu = cpuSeconds();
  await sandbox.run(TRIVIAL, options);
  const fixedWall = performance.now() - wall;
  const fixedCpu = cpuSeconds() - cpu;
  await idle();
  wall = performance.now();
  cpu = cpuSeconds();
  const result = await sandbox.run(SWITCH_PROGRAM, options);
  const dWall = (performance.now() - wall - fixedWall) / 1000;
  const dCpu = cpuSeconds() - cpu - fixedCpu;
  if (result.status !== "ok") throw new Error(`switch program failed: ${JSON.stringify(result.error)}`);
  return { wall: SWITCHES / dWall, cpu: SWITCHES / dCpu };
}

/** One round of the same workload in CPython asyncio (bench/asyncio_switch.py), or null. */
function cpythonSwitchRound(): Rate | null {
  const script = fileURLToPath(new URL("./asyncio_switch.py", import.meta.url));
  try {
    const out = execFileSync("python3", [script, String(SWITCHES), "1"], { encoding: "utf8" });
    const [wall, cpu] = out.trim().split(/\s+/).map(Number);
    return wall !== undefined && cpu !== undefined ? { wall, cpu } : null;
  } catch {
    return null;
  }
}

/**
 * The switch rate in both QuickJS builds and in CPython, interleaved round by round: the
 * machine's load moves all of them within seconds (2 shared cores), so only figures taken
 * side by side compare, and per CPU second they are steadier than wall-clock ones.
 */
async function switchRates(rounds: number): Promise<Record<string, Rate[]>> {
  const sandboxes = {
    [`QuickJS (${DEFAULT_VARIANT}, in use)`]: await QuickJSSandbox.create({ variant: DEFAULT_VARIANT }),
    [`QuickJS (${OTHER_VARIANT})`]: await QuickJSSandbox.create({ variant: OTHER_VARIANT }),
  };
  const rates: Record<string, Rate[]> = { "CPython asyncio": [] };
  for (const [name, sandbox] of Object.entries(sandboxes)) {
    rates[name] = [];
    await quickjsSwitchRound(sandbox); // warm-up: the context and the compile cache
  }
  for (let i = 0; i < rounds; i++) {
    for (const [name, sandbox] of Object.entries(sandboxes))
      rates[name]!.push(await quickjsSwitchRound(sandbox));
    const py = cpythonSwitchRound();
    if (py !== null) rates["CPython asyncio"]!.push(py);
  }
  for (const sandbox of Object.values(sandboxes)) sandbox.dispose();
  return rates;
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

function k(x: number): string {
  return `${Math.round(x / 1000)}k`;
}

const warm = await overhead(300);
const cold = await contextCost(30);
const pool = await poolOverhead(200);
const rps = await runsPerSecond(5);
const switches = await switchRates(SWITCH_ROUNDS);
const children = await childrenBench(percentile, ms);

console.log(`sandbox bench (QuickJS ${DEFAULT_VARIANT}, one thread; figures vary with machine load)`);
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
  `switch rate (await asyncio.sleep(0), one task, ${SWITCHES} switches), ${SWITCH_ROUNDS} interleaved rounds:`,
);
const cpython = switches["CPython asyncio"]!;
for (const [name, rates] of Object.entries(switches)) {
  if (rates.length === 0) {
    console.log(`  ${name.padEnd(26)} n/a (python3 not found)`);
    continue;
  }
  const cpu = rates.map((r) => r.cpu);
  const ratio =
    cpython.length === rates.length && name !== "CPython asyncio"
      ? `;  to CPython per round (CPU): ${rates.map((r, i) => (r.cpu / cpython[i]!.cpu).toFixed(2)).join(" ")}, median ${median(rates.map((r, i) => r.cpu / cpython[i]!.cpu)).toFixed(2)}`
      : "";
  console.log(
    `  ${name.padEnd(26)} per CPU second: median ${k(median(cpu))}/s  best ${k(Math.max(...cpu))}/s  (${cpu.map(k).join(" ")});  wall: median ${k(median(rates.map((r) => r.wall)))}/s${ratio}`,
  );
}
console.log(`targets: fresh-run p50 < 1 ms; QuickJS switch rate >= CPython's`);
for (const line of children) console.log(line);
