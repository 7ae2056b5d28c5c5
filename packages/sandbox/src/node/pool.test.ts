import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { emptyResult, type MeasuredRun } from "../result";
import { starved, threadCpuMs, watchdogWait } from "./cpu-time";
import { createNodeSandbox, findWorkerFile } from "./pool";

const here = path.dirname(fileURLToPath(import.meta.url));

describe("findWorkerFile", () => {
  it("finds the generated worker from anywhere inside the repository", () => {
    const file = findWorkerFile(path.join(here, "..", ".."));
    expect(file).toBe(path.resolve(here, "../generated/node-worker.mjs"));
  });

  it("says which file is missing and how to make it when it is not there", () => {
    const outside = mkdtempSync(path.join(tmpdir(), "interleave-no-worker-"));
    expect(() => findWorkerFile(outside)).toThrow(/node-worker\.mjs.*npm run build/);
  });

  it("gives a pool that runs programs", async () => {
    const pool = createNodeSandbox({ threads: 1, workerFile: findWorkerFile(here) });
    try {
      const result = await pool.run(`import { print } from "interleave"; print("from the pool");`);
      expect(result.output.map((l) => l.text)).toEqual(["from the pool"]);
      // What its workers hold, for a server's health report.
      expect(pool.stats.wasmHeapBytes).toBeGreaterThan(0);
      expect(pool.stats.v8HeapBytes).toBeGreaterThan(0);
    } finally {
      await pool.dispose();
    }
  });

  it.runIf(existsSync("/proc/thread-self"))(
    "runs its workers at the nice value it is given (Linux)",
    async () => {
      const niceOfThreads = () =>
        readdirSync("/proc/self/task").map((tid) => {
          // Fields after the command's closing parenthesis; nice is the 19th field of the line.
          const stat = readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
          return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]);
        });
      expect(niceOfThreads()).not.toContain(7);
      const pool = createNodeSandbox({ threads: 1, nice: 7, workerFile: findWorkerFile(here) });
      try {
        const result = await pool.run(`import { print } from "interleave"; print("low priority");`);
        expect(result.output.map((l) => l.text)).toEqual(["low priority"]);
        expect(niceOfThreads()).toContain(7);
      } finally {
        await pool.dispose();
      }
    },
  );
});

describe("runMany", () => {
  const counter = `import { print, threading } from "interleave";
const count = threading.shared(0, "count");
async function increment() { for (let i = 0; i < 3; i++) { const v = await count.load(); await count.store(v + 1); } }
const a = new threading.Thread({ target: increment });
const b = new threading.Thread({ target: increment });
a.start(); b.start(); a.join(); b.join();
print("count = " + count.value);`;

  it("runs several schedules in one message, in order, each with its CPU time, the same as one by one", async () => {
    const pool = createNodeSandbox({ threads: 1, workerFile: findWorkerFile(here) });
    try {
      const seeds = [1, 2, 3, 4];
      const options = (seed: number) => ({ seed, strategy: { kind: "random" as const, seed } });
      const many = await pool.runMany(counter, seeds.map(options));
      expect(many).toHaveLength(4);
      for (const [i, { result, cpuMs }] of many.entries()) {
        // Counted in scheduler ticks (4 ms here): a short run may read 0.
        expect(cpuMs).toBeGreaterThanOrEqual(0);
        const alone = await pool.run(counter, options(seeds[i]!));
        expect(result).toEqual(alone);
      }
    } finally {
      await pool.dispose();
    }
  });

  it("skips the rest of a batch after a run stopped by its deadline", async () => {
    const pool = createNodeSandbox({ threads: 1, workerFile: findWorkerFile(here) });
    try {
      const runs = [1, 2, 3].map((seed) => ({ seed, limits: { deadlineMs: 100 } }));
      const many = await pool.runMany("while (true) {}", runs);
      expect(many).toHaveLength(1);
      expect(many[0]!.result.error?.type).toBe("DeadlineExceeded");
      expect(many[0]!.cpuMs).toBeGreaterThan(0);
    } finally {
      await pool.dispose();
    }
  });

  it("hands back the trace, parsed when first read, as a plain array", async () => {
    const pool = createNodeSandbox({ threads: 1, workerFile: findWorkerFile(here) });
    try {
      const [{ result }] = (await pool.runMany(counter, [{ seed: 0 }])) as [MeasuredRun];
      expect(Object.keys(result)).toContain("trace");
      expect(result.trace.length).toBeGreaterThan(0);
      expect(result.trace).toBe(result.trace);
      expect(JSON.parse(JSON.stringify(result)).trace).toEqual(result.trace);
      expect(structuredClone(result)).toEqual(result);
      const [{ result: untraced }] = (await pool.runMany(counter, [{ seed: 0, trace: false }])) as [
        MeasuredRun,
      ];
      expect(untraced.trace).toEqual([]);
    } finally {
      await pool.dispose();
    }
  });
});

describe("starved", () => {
  const stopped = { ...emptyResult("timeout", { type: "DeadlineExceeded", message: "" }, 0) };
  it("calls a deadline stop starved when the run used under half its deadline in CPU time", () => {
    expect(starved(stopped, 200, 1000)).toBe(true);
    expect(starved(stopped, 990, 1000)).toBe(false);
    expect(starved(stopped, null, 1000)).toBe(false);
    expect(starved(emptyResult("ok", null, 0), 10, 1000)).toBe(false);
  });

  it.runIf(existsSync("/proc/thread-self/schedstat"))("reads this thread's CPU time", () => {
    const before = threadCpuMs()!;
    let x = 0;
    for (let i = 0; i < 2_000_000; i++) x += i % 3;
    expect(x).toBeGreaterThan(0);
    expect(threadCpuMs()!).toBeGreaterThan(before);
  });
});

describe("watchdogWait", () => {
  it("terminates a worker past its budget that used the CPU (a long built-in call), not one that was starved", () => {
    expect(watchdogWait(400, 1000, () => 0)).toBe(600);
    expect(watchdogWait(1200, 1000, () => 900)).toBeLessThanOrEqual(0);
    expect(watchdogWait(1200, 1000, () => 100)).toBe(400);
    expect(watchdogWait(1200, 1000, () => null)).toBeLessThanOrEqual(0);
    expect(watchdogWait(4000, 1000, () => 0)).toBeLessThanOrEqual(0);
  });
});
