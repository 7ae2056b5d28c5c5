/**
 * The Node pool's worker: one QuickJSSandbox per worker thread, kept warm between runs.
 *
 * Bundled by scripts/generate.ts into src/generated/node-worker.mjs (tinypool needs a
 * JavaScript file; Node 20 cannot load TypeScript in a worker). A task is one program and one
 * or more runs of it (a grader exploring schedules sends several per message: the round trip
 * and the pool's bookkeeping cost more than a short run). Each run is measured in this thread's
 * CPU time, which other work on the machine does not inflate, and a run stopped by its
 * wall-clock deadline after using little CPU was starved, not slow: it runs again. Each reply
 * carries the worker's memory figures so the main thread can recycle a worker whose heap has
 * grown.
 */
import { setPriority } from "node:os";
import { getHeapStatistics } from "node:v8";
import { threadId } from "node:worker_threads";
import type { RunResult } from "@interleave/scheduler";
import type { VariantName } from "../engine";
import { resolveLimits } from "../limits";
import { QuickJSSandbox, type RunOptions } from "../sandbox";
import { isExpensiveStop, threadId as linuxThreadId, RUN_CLOCK, starved, threadCpuMs } from "./cpu-time";

/** What the main thread sends. */
export interface WorkerTask {
  source: string;
  /** The runs, in order; after one stopped by its deadline or memory cap the rest are skipped. */
  runs: RunOptions[];
  variant?: VariantName;
  /**
   * RUN_CLOCK's Float64 slots, which the worker sets when each run (or a starved run's retry)
   * starts: for the main thread's watchdog.
   */
  started: SharedArrayBuffer;
  /** Nice value for this worker's thread (Linux), applied at its first task. */
  nice?: number;
}

/** One run's result as it crosses back to the main thread. */
export interface WorkerRun {
  /** The result; its trace travels as `traceJson` when it has events. */
  result: RunResult;
  /**
   * The trace as JSON text: a string crosses threads as one copy, while the same events as
   * objects cost milliseconds to clone and more to rebuild, and most checks never read them.
   */
  traceJson: string | null;
  /** CPU time of the run on this thread (ms), starved attempts included; wall time where unknown. */
  cpuMs: number;
  /** Times the run was started again after being starved past its deadline. */
  retries: number;
}

/** What the worker answers. */
export interface WorkerReply {
  /** One per run made (fewer than asked when a run was stopped by an expensive limit). */
  runs: WorkerRun[];
  threadId: number;
  /** Bytes of WebAssembly memory the worker's QuickJS module holds. */
  wasmHeapBytes: number;
  /** Bytes used on the worker's V8 heap. */
  v8HeapBytes: number;
}

/** Times a starved run is started again before its deadline stop stands. */
const MAX_STARVED_RETRIES = 2;

let sandbox: Promise<QuickJSSandbox> | null = null;
/** This worker's thread id (Linux), or null: its nice value, and the watchdog's CPU reading. */
const tid = linuxThreadId();
let niceSet = false;

/** Lowers this thread's scheduling priority; on Linux a thread has its own nice value. */
function setThreadNice(nice: number): void {
  try {
    if (tid !== null) setPriority(tid, nice);
  } catch {
    // Not allowed: the worker runs at the process's priority.
  }
}

/** Runs one program one or more times (tinypool calls this for each task). */
export default async function runTask(task: WorkerTask): Promise<WorkerReply> {
  if (!niceSet && task.nice !== undefined) setThreadNice(task.nice);
  niceSet = true;
  sandbox ??= QuickJSSandbox.create(task.variant === undefined ? {} : { variant: task.variant });
  const box = await sandbox;
  const started = new Float64Array(task.started);
  const runs: WorkerRun[] = [];
  for (const options of task.runs) {
    const run = await measuredRun(box, task.source, options, started);
    runs.push(run);
    if (isExpensiveStop(run.result)) break;
  }
  return {
    runs,
    threadId,
    wasmHeapBytes: box.engine?.heapBytes() ?? 0,
    v8HeapBytes: getHeapStatistics().used_heap_size,
  };
}

async function measuredRun(
  box: QuickJSSandbox,
  source: string,
  options: RunOptions,
  started: Float64Array,
): Promise<WorkerRun> {
  const { deadlineMs } = resolveLimits(options.limits);
  let cpuMs = 0;
  for (let retries = 0; ; retries++) {
    const wall0 = performance.now();
    const cpu0 = threadCpuMs();
    started[RUN_CLOCK.thread] = tid ?? Number.NaN;
    started[RUN_CLOCK.cpuAtStart] = cpu0 ?? Number.NaN;
    started[RUN_CLOCK.startedAt] = Date.now();
    const result = await box.run(source, options);
    const cpu1 = threadCpuMs();
    const cpu = cpu0 === null || cpu1 === null ? null : cpu1 - cpu0;
    cpuMs += cpu ?? performance.now() - wall0;
    // Deterministic: the same run again gives the same result, unless the clock stops it again.
    if (retries < MAX_STARVED_RETRIES && starved(result, cpu, deadlineMs)) continue;
    const traceJson = result.trace.length > 0 ? JSON.stringify(result.trace) : null;
    return { result: traceJson === null ? result : { ...result, trace: [] }, traceJson, cpuMs, retries };
  }
}
