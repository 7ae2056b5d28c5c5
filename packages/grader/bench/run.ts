/**
 * `npm run bench -w @interleave/grader`: the cost of grading in a warm worker, beside the cost of
 * the same number of bare runs.
 *
 * - typical: 12-asyncio/three-clients, every check (hidden ones too) plus a check that runs five
 *   seeds, graded in the QuickJS sandbox. Target p50 < 50 ms.
 * - race: a lost-update counter explored with PCT (depth 2, up to 200 schedules) until the
 *   property fails, and the locked counter explored through all 200. Target p50 < 500 ms.
 *
 * Each in the sandbox's Node pool (one warm worker: what `interleave grade` and a server use) and
 * in-process on the scheduler (the grader's own overhead, without QuickJS).
 */
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { counterProgram } from "../src/__fixtures__/counter";
import { check, defineExercise } from "../src/check";
import { directExecutor } from "../src/direct-executor";
import type { Executor } from "../src/executor";
import { gradeWithDefinition } from "../src/grade";
import { loadGrader } from "../src/load-grader";
import { poolExecutor } from "../src/sandbox-executor";

const ROUNDS = Number(process.argv[2] ?? 40);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function time(label: string, rounds: number, work: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 3; i++) await work(); // warm up
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    await work();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const p50 = percentile(samples, 50);
  console.log(
    `${label.padEnd(58)} p50 ${p50.toFixed(2).padStart(7)} ms   p99 ${percentile(samples, 99).toFixed(2).padStart(7)} ms`,
  );
  return p50;
}

const dir = path.resolve(import.meta.dirname, "../../../exercises/12-asyncio/three-clients");
const solution = readFileSync(path.join(dir, "solution.ts"), "utf8");
const base = await loadGrader(dir);
const typical = defineExercise({
  checks: [
    ...base.checks,
    check("the same output under five seeds", async (t) => {
      for (const run of await t.runSeeds(5, { strategy: "round-robin" })) t.expect(run).toEndAtTime(2);
    }),
  ],
});

const race = defineExercise({
  checks: [
    check("no update is lost under 200 PCT schedules", async (t) => {
      await t.explore({ strategy: "pct", depth: 2, runs: 200 }, (run) =>
        t.expect(run).toPrint(["count = 6"]),
      );
    }),
  ],
});

async function bench(
  name: string,
  executor: Executor,
  exercise: typeof typical,
  source: string,
  rounds = ROUNDS,
) {
  let runs = 0;
  let explored: number | undefined;
  const grade = async () => {
    const result = await gradeWithDefinition(exercise, name, source, {
      executor,
      includeHidden: true,
      budgetMs: 60_000,
    });
    runs = result.interleave.executed;
    explored = result.interleave.tests[0]?.reproduce?.explored;
    return result;
  };
  const graded = await time(`grade ${name}`, rounds, grade);
  const bare = await time(`  ${runs} bare runs of the same program`, rounds, async () => {
    for (let i = 0; i < runs; i++) {
      await executor.run({ source, filename: "main.ts", seed: i, strategy: "pct", steps: 20, trace: false });
    }
  });
  const found = explored !== undefined ? `; the bug was found in schedule ${explored}` : "";
  console.log(
    `  ${runs} programs executed per grading${found}; grading overhead ${(graded - bare).toFixed(2)} ms\n`,
  );
}

console.log(
  `Grading in a warm worker, ${ROUNDS} rounds each (Node ${process.version}; load ${loadavg()[0]!.toFixed(1)})\n`,
);
const RACE_ROUNDS = Math.max(5, Math.round(ROUNDS / 4));
const pool = await poolExecutor({ threads: 1 });
await bench("typical: three-clients + 5 seeds [pool]", pool, typical, solution);
await bench("race: lost update, PCT until it fails [pool]", pool, race, counterProgram(false));
await bench("race: locked counter, 200 PCT schedules [pool]", pool, race, counterProgram(true), RACE_ROUNDS);
await pool[Symbol.asyncDispose]();
const direct = directExecutor();
await bench("typical: three-clients + 5 seeds [in-process]", direct, typical, solution);
await bench("race: lost update, PCT until it fails [in-process]", direct, race, counterProgram(false));
await bench("race: locked counter, 200 PCT schedules [in-process]", direct, race, counterProgram(true));
