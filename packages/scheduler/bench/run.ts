/**
 * npm run bench -w @interleave/scheduler
 *
 * asyncio: wakeups per second for N tasks x 10 sleeps of pseudo-random virtual delays, on this
 * scheduler in Node and on CPython's asyncio with a virtual clock running the Python twin of the
 * same workload (bench/workload.py), side by side from one run; and heap bytes per waiting task.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { benchExplore } from "./explore";
import { runFloor } from "./floor";
import { memoryPerWaitingTask, runWorkload } from "./workload";

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

interface Measured {
  seconds: number;
  cpu: number;
  wakeups: number;
  virtual: number;
}

function cpython(n: number): Measured | string {
  const script = fileURLToPath(new URL("./workload.py", import.meta.url));
  const out = spawnSync("python3", [script, String(n)], { encoding: "utf8" });
  if (out.error !== undefined) return `skipped (python3 not runnable: ${out.error.message})`;
  if (out.status !== 0) return `skipped (python3 failed: ${out.stderr.trim().split("\n").pop()})`;
  return JSON.parse(out.stdout) as Measured;
}

function best<T extends { seconds: number }>(runs: number, f: () => T): T {
  let top = f();
  for (let i = 1; i < runs; i++) {
    const r = f();
    if (r.seconds < top.seconds) top = r;
  }
  return top;
}

console.log("asyncio: N tasks x 10 sleeps of pseudo-random virtual delays (1-1000 ms)");
runWorkload(2_000); // warm up the JIT
runFloor(2_000);
for (const n of [10_000, 100_000]) {
  const ours = best(n <= 10_000 ? 3 : 1, () => runWorkload(n));
  const py = cpython(n);
  // Wall-clock rates, and rates per CPU second (less sensitive to a loaded machine).
  const rates = (m: Omit<Measured, "virtual">) =>
    `${fmt(m.wakeups / m.seconds)} wakeups/s, ${fmt(m.wakeups / m.cpu)} per CPU s`;
  const line = [`  ${fmt(n)} tasks: interleave ${rates(ours)}`];
  if (typeof py === "string") line.push(`CPython ${py}`);
  else {
    line.push(`CPython asyncio ${rates(py)}`);
    const wall = py.seconds / ours.seconds;
    const cpu = py.cpu / ours.cpu;
    line.push(`ratio ${wall.toFixed(1)}x wall, ${cpu.toFixed(1)}x CPU (target >= 10x)`);
    if (Math.abs(py.virtual - ours.virtual) > 1e-6)
      line.push(`(virtual end differs: ${py.virtual} vs ${ours.virtual})`);
  }
  console.log(line.join(" | "));
  // The floor: the same workload as bare generators on the timer heap, no runtime (bench/floor.ts).
  const floor = best(n <= 10_000 ? 3 : 1, () => runFloor(n));
  const floorLine = [`    floor, bare generators on the timer heap (no runtime): ${rates(floor)}`];
  if (typeof py !== "string") floorLine.push(`${(py.cpu / floor.cpu).toFixed(1)}x CPython's CPU`);
  floorLine.push(`the runtime takes ${Math.round((1 - floor.cpu / ours.cpu) * 100)}% of a wakeup`);
  console.log(floorLine.join(" | "));
}
const declared = memoryPerWaitingTask(100_000, "declared");
const expression = memoryPerWaitingTask(100_000, "expression");
console.log(
  Number.isNaN(declared)
    ? "  memory per waiting task: skipped (run node with --expose-gc)"
    : `  memory per waiting task (100,000 tasks in asyncio.sleep): ${fmt(declared)} bytes running an async ` +
        `function declaration (target < 1,024), ${fmt(expression)} bytes running an async function expression ` +
        "(its generator function is made per call)",
);

benchExplore();
