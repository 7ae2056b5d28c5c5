/**
 * `npm run load`: the full load and soak run against the production build on loopback (built first
 * when stale). Options: --duration <s> (60), --students <n> (60), --concurrency <n> (48),
 * --max <n> (20000), --soak <rounds> (2), --soak-seconds <s> (20), --cpu-prof <dir> (CPU
 * profiles of the server's threads, written when it stops). Prints the figures and exits 1 if
 * any answer was a 5xx other than the deliberate 503s, or a request got no answer.
 */
import { parseArgs } from "node:util";
import { ensureBuild } from "../e2e/build";
import { runScenario } from "./scenario";

const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "60" },
    students: { type: "string", default: "60" },
    concurrency: { type: "string", default: "48" },
    max: { type: "string", default: "20000" },
    soak: { type: "string", default: "2" },
    "soak-seconds": { type: "string", default: "20" },
    "cpu-prof": { type: "string" },
  },
});

ensureBuild();
const result = await runScenario({
  students: Number(values.students),
  concurrency: Number(values.concurrency),
  durationMs: Number(values.duration) * 1000,
  maxSubmits: Number(values.max),
  warmUpMs: 5_000,
  soakRounds: Number(values.soak),
  soakMs: Number(values["soak-seconds"]) * 1000,
  settleMs: 3_000,
  log: (line) => console.log(`# ${line}`),
  ...(values["cpu-prof"] ? { cpuProfileDir: values["cpu-prof"] } : {}),
});

const { report, memory, soak, cpu } = result;
const mb = (bytes: number | undefined) => Math.round((bytes ?? 0) / (1024 * 1024));
const [load1, load5] = (await import("node:os")).loadavg();
console.log(JSON.stringify(result, null, 2));
console.log(`
| figure | value | target |
|---|---|---|
| gradings/s sustained (${report.durationS} s) | ${report.gradingsPerS} | >= 100 |
| submit latency of graded submissions p50 / p90 / p99 | ${report.submitMs.p50} / ${report.submitMs.p90} / ${report.submitMs.p99} ms | p99 < 1000 ms |
| answers: ${Object.entries(report.statuses)
  .map(([s, n]) => `${s} x${n}`)
  .join(", ")} | 5xx other than deliberate 503: ${report.unexpected5xx}, no answer: ${report.failures} | 0 |
| page latency p50 / p99 (all ${report.pages}) | ${report.pageMs.p50} / ${report.pageMs.p99} ms | |
| page latency p50 / p99 while the queue was full (${report.pageSaturatedMs.samples}) | ${report.pageSaturatedMs.p50} / ${report.pageSaturatedMs.p99} ms | p99 < 100 ms |
| queue full (share of samples) | ${report.saturated} | |
| live heaps (server thread after a collection + workers) before / after / after soak rounds | ${memory.liveHeapMb.join(" / ")} MB | no growth |
| server RSS before / peak / after / after soak rounds | ${memory.beforeMb} / ${memory.peakMb} / ${memory.afterMb} / ${memory.soakMb.join(", ")} MB | |
| workers' WebAssembly / V8 heaps after the measured run and each soak round | ${[report, ...soak].map((r) => `${mb(r.pool.wasmHeapBytes)} / ${mb(r.pool.v8HeapBytes)}`).join(", ")} MB | |
| server thread's V8 heap used / external after the measured run and each soak round | ${[report, ...soak].map((r) => `${mb(r.server.heapUsedBytes)} / ${mb(r.server.externalBytes)}`).join(", ")} MB | |
| server CPU over the measured run: all threads / main thread | ${cpu.totalS} / ${cpu.mainThreadS} s | |
| gradings per CPU second of the server; main thread per grading | ${cpu.gradingsPerCpuS}; ${cpu.mainThreadMsPerGrading} ms | |
| requests answered: Submits (graded / refused) + pages + health polls; main thread per request | ${report.submits} (${report.graded} / ${report.submits - report.graded}) + ${report.pages} + ${report.healthPolls}; ${cpu.mainThreadMsPerRequest} ms | |
| machine load average (1 min) at the start / end of the measured run | ${cpu.loadAverage.join(" / ")} | |
| soak rounds gradings/s | ${soak.map((s) => s.gradingsPerS).join(", ")} | |
| machine load average (1 / 5 min) at the end | ${load1?.toFixed(2)} / ${load5?.toFixed(2)} | |
`);
const bad = [report, ...soak].some((r) => r.unexpected5xx > 0 || r.failures > 0);
process.exit(bad ? 1 : 0);
