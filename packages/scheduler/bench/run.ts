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
import { memoryPerWaitingTask, runWorkload } from "./workload";

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

function cpython(n: number): { seconds: number; wakeups: number; virtual: number } | string {
  const script = fileURLToPath(new URL("./workload.py", import.meta.url));
  const out = spawnSync("python3", [script, String(n)], { encoding: "utf8" });
  if (out.error !== undefined) return `skipped (python3 not runnable: ${out.error.message})`;
  if (out.status !== 0) return `skipped (python3 failed: ${out.stderr.trim().split("\n").pop()})`;
  return JSON.parse(out.stdout) as { seconds: number; wakeups: number; virtual: number };
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
for (const n of [10_000, 100_000]) {
  const ours = best(n <= 10_000 ? 3 : 1, () => runWorkload(n));
  const py = cpython(n);
  const oursRate = ours.wakeups / ours.seconds;
  const line = [`  ${fmt(n)} tasks: interleave ${fmt(oursRate)} wakeups/s (${ours.seconds.toFixed(3)} s)`];
  if (typeof py === "string") line.push(`CPython ${py}`);
  else {
    const pyRate = py.wakeups / py.seconds;
    line.push(`CPython asyncio ${fmt(pyRate)} wakeups/s (${py.seconds.toFixed(3)} s)`);
    line.push(`ratio ${(oursRate / pyRate).toFixed(1)}x`);
    if (Math.abs(py.virtual - ours.virtual) > 1e-6)
      line.push(`(virtual end differs: ${py.virtual} vs ${ours.virtual})`);
  }
  console.log(line.join(" | "));
}
const compiled = memoryPerWaitingTask(100_000, "compiled");
const hoisted = memoryPerWaitingTask(100_000, "hoisted");
console.log(
  Number.isNaN(compiled)
    ? "  memory per waiting task: skipped (run node with --expose-gc)"
    : `  memory per waiting task (100,000 tasks in asyncio.sleep): ${fmt(compiled)} bytes as compiled today ` +
        `(a generator function made per call), ${fmt(hoisted)} bytes with one shared generator function`,
);

benchExplore();
