/**
 * `npx tsx packages/grader/bench/course.ts [rounds] [filter]`: what grading the course costs, per
 * exercise, the way the server grades a Submit (every check, hidden ones too, through a pool of
 * two workers). For each reference solution: wall time of a grading, CPU time of this thread
 * (the server's: the grader's own work and the round trips) and of the whole process (this
 * thread plus the workers), per grading and per executed run. CPU time does not depend on what
 * else the machine runs, wall time does: compare CPU figures across runs, and give the load.
 */
import { readdirSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import type { Executor } from "../src/executor";
import { gradeWithDefinition } from "../src/grade";
import { loadGrader } from "../src/load-grader";
import { poolExecutor } from "../src/sandbox-executor";

const ROUNDS = Number(process.argv[2] ?? 3);
const FILTER = process.argv[3] ?? "";
/** "single": the pool without batches, one run per message (for comparison). */
const MODE = process.argv[4] ?? "batch";
const COURSE = path.resolve(import.meta.dirname, "../../../exercises");

/** This thread's CPU time in ms (Linux), or NaN elsewhere. */
function threadCpuMs(): number {
  try {
    return Number(readFileSync("/proc/thread-self/schedstat", "utf8").split(" ")[0]) / 1e6;
  } catch {
    return Number.NaN;
  }
}

function processCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

const exercises = readdirSync(COURSE, { withFileTypes: true })
  .filter((d) => d.isDirectory() && /^\d\d-/.test(d.name))
  .flatMap((m) =>
    readdirSync(path.join(COURSE, m.name), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => `${m.name}/${d.name}`),
  )
  .filter((id) => id.includes(FILTER))
  .sort();

const pool = await poolExecutor({ threads: 2 });
const executor: Executor =
  MODE === "single" ? { run: (request) => pool.run(request), concurrency: pool.concurrency } : pool;
console.log(
  `Grading each reference solution ${ROUNDS} times through a 2-worker pool, ${MODE} (Node ${process.version}; load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")})\n`,
);
console.log(
  `${"exercise".padEnd(44)} ${"status".padEnd(6)} ${"runs".padStart(5)} ${"wall ms".padStart(8)} ${"main ms".padStart(8)} ${"cpu ms".padStart(8)} ${"main/run".padStart(9)}`,
);
const totals = { gradings: 0, runs: 0, wall: 0, main: 0, cpu: 0 };
for (const id of exercises) {
  const dir = path.join(COURSE, id);
  const definition = await loadGrader(dir);
  const source = readFileSync(path.join(dir, "solution.ts"), "utf8");
  const grade = () =>
    gradeWithDefinition(definition, id, source, { executor, includeHidden: true, budgetMs: 60_000 });
  await grade(); // warm: the compile cache and the module bodies
  let status = "";
  let runs = 0;
  const w0 = performance.now();
  const m0 = threadCpuMs();
  const c0 = processCpuMs();
  for (let i = 0; i < ROUNDS; i++) {
    const result = await grade();
    status = result.status;
    runs = result.interleave.executed;
  }
  const wall = (performance.now() - w0) / ROUNDS;
  const main = (threadCpuMs() - m0) / ROUNDS;
  const cpu = (processCpuMs() - c0) / ROUNDS;
  totals.gradings += 1;
  totals.runs += runs;
  totals.wall += wall;
  totals.main += main;
  totals.cpu += cpu;
  console.log(
    `${id.padEnd(44)} ${status.padEnd(6)} ${String(runs).padStart(5)} ${wall.toFixed(1).padStart(8)} ${main.toFixed(1).padStart(8)} ${cpu.toFixed(1).padStart(8)} ${(main / Math.max(1, runs)).toFixed(3).padStart(9)}`,
  );
}
console.log(
  `\n${totals.gradings} exercises, ${totals.runs} runs: mean per grading wall ${(totals.wall / totals.gradings).toFixed(1)} ms, ` +
    `server thread ${(totals.main / totals.gradings).toFixed(1)} ms CPU, whole process ${(totals.cpu / totals.gradings).toFixed(1)} ms CPU; ` +
    `server thread ${(totals.main / totals.runs).toFixed(3)} ms CPU per run`,
);
console.log(
  `load at the end: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")}`,
);
await pool[Symbol.asyncDispose]();
