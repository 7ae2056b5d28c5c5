/**
 * The multiprocessing part of the sandbox's bench (bench/run.ts prints it): a typical program
 * with three child processes, per run in a warm sandbox, with the trace (as graders run it) and
 * without; and what a child process's context costs when it is made (each child paid that on
 * every run before contexts were kept) against one kept from the last run.
 */
import { Engine } from "../src/engine";
import { resolveLimits } from "../src/limits";
import { PreparedContext } from "../src/prepared-context";
import { QuickJSSandbox } from "../src/sandbox";

/** exercises/01-processes/guard-the-main's reference solution, in short. */
export const THREE_CHILDREN = `import { __name__, multiprocessing, print, work } from "interleave";
async function resize(photo: string) {
  await work(1);
  print(\`\${photo} resized\`);
}
if (__name__ === "__main__") {
  print("Photo resizer 1.0");
  const workers = ["cat.png", "dog.png", "fox.png"].map((photo) => new multiprocessing.Process({ target: resize, args: [photo] }));
  for (const p of workers) p.start();
  for (const p of workers) p.join();
  print("all photos resized");
}
`;

/** Wall-clock ms per run (sorted) and CPU ms per run, after a few warm-up runs. */
async function perRun(trace: boolean, runs: number): Promise<{ wall: number[]; cpu: number }> {
  const sandbox = await QuickJSSandbox.create({ whenIdle: () => {} });
  for (let i = 0; i < 3; i++) await sandbox.run(THREE_CHILDREN, { trace });
  const wall: number[] = [];
  const start = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const result = await sandbox.run(THREE_CHILDREN, { trace });
    wall.push(performance.now() - t);
    if (result.status !== "ok")
      throw new Error(`three-child program failed: ${JSON.stringify(result.error)}`);
  }
  const used = process.cpuUsage(start);
  sandbox.dispose();
  return { wall: wall.sort((a, b) => a - b), cpu: (used.user + used.system) / 1000 / runs };
}

/** Wall-clock ms (sorted) to give a child process a context: a new one, and a kept one. */
async function contextCost(children: number): Promise<{ made: number[]; kept: number[] }> {
  const engine = await Engine.load({ memoryBytes: resolveLimits().memoryBytes });
  const prepared = PreparedContext.create(engine);
  const code = '"use strict";\nasync function resize(photo) { return photo; }\n';
  const made: number[] = [];
  const kept: number[] = [];
  for (const times of [made, kept]) {
    for (let i = 0; i < children; i++) {
      const t = performance.now();
      prepared.children.spawn(code, "main.js").dispose();
      times.push(performance.now() - t);
    }
    const t = performance.now();
    prepared.children.release();
    const clean = (performance.now() - t) / children;
    for (let i = 0; i < children; i++) times[i]! += clean;
  }
  prepared.dispose();
  engine.dispose();
  return { made: made.sort((a, b) => a - b), kept: kept.sort((a, b) => a - b) };
}

/** Runs the multiprocessing bench; returns the lines to print. */
export async function childrenBench(
  percentile: (sorted: number[], p: number) => number,
  ms: (x: number) => string,
): Promise<string[]> {
  const traced = await perRun(true, 40);
  const untraced = await perRun(false, 40);
  const cost = await contextCost(8);
  const run = (r: { wall: number[]; cpu: number }) =>
    `p50 ${ms(percentile(r.wall, 50))}  p99 ${ms(percentile(r.wall, 99))}  CPU ${ms(r.cpu)} per run`;
  return [
    `three child processes, warm sandbox, trace on (as graded): ${run(traced)}`,
    `three child processes, warm sandbox, trace off:             ${run(untraced)}`,
    `a child's context, made (created, hardened; once per context, was every run): p50 ${ms(percentile(cost.made, 50))}` +
      `  kept from the last run (cleaned, body cached): p50 ${ms(percentile(cost.kept, 50))}`,
  ];
}
