/**
 * The Node host: a tinypool pool of worker threads, each with a warm QuickJS module.
 *
 * Every worker runs with a 16 MB native stack (deep recursion then ends as a clean in-VM
 * error instead of a native overflow) and a bounded V8 heap. A task is one program and one or
 * more runs of it (`runMany`: a grader exploring schedules sends a batch per message). The main
 * thread watches each run: the worker writes the time each run started into a shared buffer
 * (time spent queued or booting a worker does not count), and past the deadline plus a grace
 * period the task is aborted, which terminates its worker (tinypool replaces it), unless the
 * worker's thread used little CPU meanwhile (it was starved, not stuck: cpu-time.ts). This stops
 * the few things no interrupt handler can (one long built-in call). A worker that crashes (an abort,
 * V8 out of memory) is replaced the same way. Each run comes back with its CPU time in the
 * worker (cpu-time.ts) and its trace as JSON text, parsed only if read. After each task the
 * worker reports its memory; when it has grown past the thresholds, the pool recycles its
 * workers (idle ones at once, busy ones after their task).
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { RunResult } from "@interleave/scheduler";
import Tinypool from "tinypool";
import type { VariantName } from "../engine";
import { SandboxDisposedError } from "../errors";
import { resolveLimits, STOP_TYPES, stopMessage } from "../limits";
import { emptyResult, type MeasuredRun } from "../result";
import type { RunOptions } from "../sandbox";
import { cpuMsOfThread, RUN_CLOCK, watchdogWait } from "./cpu-time";
import type { WorkerReply, WorkerRun, WorkerTask } from "./worker";

/** CPU time (ms) the worker of `clock` used since its run started, or null where unknown. */
function cpuSince(clock: Float64Array): number | null {
  const tid = clock[RUN_CLOCK.thread]!;
  const atStart = clock[RUN_CLOCK.cpuAtStart]!;
  const now = Number.isFinite(tid) && Number.isFinite(atStart) ? cpuMsOfThread(tid) : null;
  return now === null ? null : now - atStart;
}

/** Options of the Node pool. */
export interface NodeSandboxOptions {
  /** Worker threads (default: the number of cores, at least 1). */
  threads?: number;
  variant?: VariantName;
  /** Extra wall-clock time after a run's deadline before its worker is terminated (default 1000 ms). */
  graceMs?: number;
  /** Recycle workers once one holds this much WebAssembly memory (default 768 MB). */
  recycleWasmBytes?: number;
  /** Recycle workers once one's V8 heap holds this much (default 256 MB). */
  recycleV8Bytes?: number;
  /** Each worker's V8 heap limit (default 512 MB). */
  maxHeapMb?: number;
  /**
   * Nice value of the worker threads (Linux; 0-19, default: the process's own). A server gives
   * its grading workers a lower priority so that its own thread, serving pages, gets the CPU
   * first when grading saturates the cores.
   */
  nice?: number;
  /**
   * Path of the generated worker module (default: next to this file's source). Bundlers that
   * move this module (Next's server build) pass `findWorkerFile()`.
   */
  workerFile?: string;
}

const WORKER_PATH = "packages/sandbox/src/generated/node-worker.mjs";

/**
 * The generated worker module, found by walking up from `start` (default: the working
 * directory) to the repository that holds it. For hosts whose bundler rewrites import.meta.url.
 * @throws Error naming the file and how to generate it, when it is not found.
 */
export function findWorkerFile(start: string = process.cwd()): string {
  // Runtime paths: the bundler must not trace them (Turbopack would trace the whole project).
  for (let dir = path.resolve(/* turbopackIgnore: true */ start); ; dir = path.dirname(dir)) {
    const candidate = path.join(/* turbopackIgnore: true */ dir, WORKER_PATH);
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) break;
  }
  throw new Error(
    `The sandbox's worker (${WORKER_PATH}) was not found above ${start}: run "npm run build" at the repository root (it generates the file).`,
  );
}

function defaultWorkerFile(): string {
  return fileURLToPath(new URL("../generated/node-worker.mjs", import.meta.url));
}

/** Counts of what the pool has done, for tests and monitoring. */
export interface NodeSandboxStats {
  runs: number;
  /** Runs stopped by terminating their worker from the main thread. */
  killed: number;
  /** Runs whose worker crashed. */
  crashed: number;
  /** Times the workers were recycled for memory growth. */
  recycled: number;
  /** WebAssembly memory the live workers' QuickJS modules held at their last reply (bytes). */
  wasmHeapBytes: number;
  /** V8 heap the live workers used at their last reply (bytes). */
  v8HeapBytes: number;
}

/** The stats of a pool that has done nothing yet. */
export function emptyPoolStats(): NodeSandboxStats {
  return { runs: 0, killed: 0, crashed: 0, recycled: 0, wasmHeapBytes: 0, v8HeapBytes: 0 };
}

/**
 * A worker's run as a RunResult whose trace is parsed from its JSON text the first time it is
 * read (then kept as a plain data property): checks that never look at the trace never pay for
 * it, and the result still reads, spreads, clones and serialises like a plain object.
 */
function fromWorker(run: WorkerRun): MeasuredRun {
  const { result, traceJson, cpuMs } = run;
  if (traceJson !== null) {
    const settle = (target: RunResult, value: RunResult["trace"]) =>
      Object.defineProperty(target, "trace", { value, writable: true, enumerable: true, configurable: true });
    Object.defineProperty(result, "trace", {
      get(this: RunResult) {
        const trace = JSON.parse(traceJson) as RunResult["trace"];
        settle(this, trace);
        return trace;
      },
      set(this: RunResult, value: RunResult["trace"]) {
        settle(this, value);
      },
      enumerable: true,
      configurable: true,
    });
  }
  return { result, cpuMs };
}

/** Runs programs in a pool of worker threads. Create with `createNodeSandbox()`. */
export class NodeSandbox {
  readonly #pool: Tinypool;
  readonly #options: NodeSandboxOptions;
  #disposed = false;
  readonly stats: NodeSandboxStats = emptyPoolStats();
  /** Each worker's memory at its last reply, by thread id (for stats). */
  readonly #heaps = new Map<number, { wasm: number; v8: number }>();

  constructor(options: NodeSandboxOptions = {}) {
    this.#options = options;
    const threads = Math.max(1, options.threads ?? availableParallelism());
    this.#pool = new Tinypool({
      filename: options.workerFile ?? defaultWorkerFile(),
      minThreads: threads,
      maxThreads: threads,
      isolateWorkers: false,
      resourceLimits: { stackSizeMb: 16, maxOldGenerationSizeMb: options.maxHeapMb ?? 512 },
    });
    // A worker that dies between tasks is replaced by tinypool; its error must not crash us.
    this.#pool.on("error", () => {});
  }

  /** Compiles and runs `source` in a worker; resolves to its result, never rejects for the program. */
  async run(source: string, options: RunOptions = {}): Promise<RunResult> {
    const [first] = await this.runMany(source, [options]);
    return first!.result;
  }

  /**
   * Runs `source` once per entry of `runs`, in order, in one worker and one round trip, each
   * result with the CPU time its run took. Stops after a run stopped by its deadline or memory
   * cap (running it again would cost as much again): the answer then has fewer entries than
   * `runs`. A worker terminated by the watchdog or lost to a crash answers with one result
   * saying so (the batch's other runs are lost with the worker). Never rejects for the program.
   */
  async runMany(source: string, runs: readonly RunOptions[]): Promise<MeasuredRun[]> {
    if (this.#disposed) throw new SandboxDisposedError("NodeSandbox");
    if (runs.length === 0) return [];
    this.stats.runs += runs.length;
    const limits = runs.map((options) => resolveLimits(options.limits));
    const seed = runs[0]!.seed ?? 0;
    const deadlineMs = Math.max(...limits.map((l) => l.deadlineMs));
    const controller = new AbortController();
    let killed = false;
    const started = new SharedArrayBuffer(RUN_CLOCK.size * Float64Array.BYTES_PER_ELEMENT);
    const clock = new Float64Array(started);
    // The worker restamps the start of each run of the batch (and of a starved run's retry).
    const budget = deadlineMs + (this.#options.graceMs ?? 1_000);
    const watchdog = () => {
      const t0 = clock[RUN_CLOCK.startedAt]!;
      const elapsed = t0 === 0 ? 0 : Date.now() - t0;
      const left = watchdogWait(elapsed, budget, () => cpuSince(clock));
      if (t0 !== 0 && left <= 0) {
        killed = true;
        controller.abort();
      } else {
        timer = setTimeout(watchdog, Math.max(left, 50));
      }
    };
    let timer = setTimeout(watchdog, budget);
    const task: WorkerTask = { source, runs: [...runs], started };
    if (this.#options.variant !== undefined) task.variant = this.#options.variant;
    if (this.#options.nice !== undefined) task.nice = this.#options.nice;
    const t0 = performance.now();
    try {
      const reply = (await this.#pool.run(task, { signal: controller.signal })) as WorkerReply;
      this.#watchMemory(reply);
      return reply.runs.map(fromWorker);
    } catch (error) {
      const cpuMs = performance.now() - t0; // the worker's count is lost with it: its wall time
      if (killed) {
        this.stats.killed++;
        const { type, status } = STOP_TYPES.deadline;
        const stopped = limits[0]!;
        return [
          { result: emptyResult(status, { type, message: stopMessage("deadline", stopped) }, seed), cpuMs },
        ];
      }
      if (this.#disposed) throw new SandboxDisposedError("NodeSandbox");
      this.stats.crashed++;
      const text = error instanceof Error ? error.message : String(error);
      if (/out of memory|ERR_WORKER_OUT_OF_MEMORY/i.test(text)) {
        const { type, status } = STOP_TYPES.memory;
        return [
          { result: emptyResult(status, { type, message: stopMessage("memory", limits[0]!) }, seed), cpuMs },
        ];
      }
      const failed = emptyResult(
        "error",
        { type: "SandboxError", message: `the sandbox worker failed: ${text}` },
        seed,
      );
      return [{ result: failed, cpuMs }];
    } finally {
      clearTimeout(timer);
    }
  }

  /** Terminates the workers. Runs after this throw SandboxDisposedError. */
  async dispose(): Promise<void> {
    if (this.#disposed) return;
    this.#disposed = true;
    await this.#pool.destroy();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.dispose();
  }

  /** Worker threads alive now. */
  get threads(): number {
    return this.#pool.threads.length;
  }

  #watchMemory(reply: WorkerReply): void {
    this.#heaps.set(reply.threadId, { wasm: reply.wasmHeapBytes, v8: reply.v8HeapBytes });
    const live = new Set(this.#pool.threads.map((worker) => worker?.threadId));
    let wasm = 0;
    let v8 = 0;
    for (const [id, heap] of this.#heaps) {
      if (!live.has(id)) {
        this.#heaps.delete(id);
        continue;
      }
      wasm += heap.wasm;
      v8 += heap.v8;
    }
    this.stats.wasmHeapBytes = wasm;
    this.stats.v8HeapBytes = v8;
    const wasmLimit = this.#options.recycleWasmBytes ?? 768 * 1024 * 1024;
    const v8Limit = this.#options.recycleV8Bytes ?? 256 * 1024 * 1024;
    if (reply.wasmHeapBytes > wasmLimit || reply.v8HeapBytes > v8Limit) {
      this.stats.recycled++;
      void this.#pool.recycleWorkers();
    }
  }
}

/** Starts a pool of QuickJS workers (they load in the background). */
export function createNodeSandbox(options: NodeSandboxOptions = {}): NodeSandbox {
  return new NodeSandbox(options);
}
