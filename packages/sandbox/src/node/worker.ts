/**
 * The Node pool's worker: one QuickJSSandbox per worker thread, kept warm between runs.
 *
 * Bundled by scripts/generate.ts into src/generated/node-worker.mjs (tinypool needs a
 * JavaScript file; Node 20 cannot load TypeScript in a worker). Each reply carries the
 * worker's memory figures so the main thread can recycle a worker whose heap has grown.
 */
import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";
import { getHeapStatistics } from "node:v8";
import { threadId } from "node:worker_threads";
import type { RunResult } from "@interleave/scheduler";
import type { VariantName } from "../engine";
import { QuickJSSandbox, type RunOptions } from "../sandbox";

/** What the main thread sends. */
export interface WorkerTask {
  source: string;
  options: RunOptions;
  variant?: VariantName;
  /** One Float64 the worker sets to Date.now() when the run starts (the main thread's watchdog). */
  started: SharedArrayBuffer;
  /** Nice value for this worker's thread (Linux), applied at its first task. */
  nice?: number;
}

/** What the worker answers. */
export interface WorkerReply {
  result: RunResult;
  threadId: number;
  /** Bytes of WebAssembly memory the worker's QuickJS module holds. */
  wasmHeapBytes: number;
  /** Bytes used on the worker's V8 heap. */
  v8HeapBytes: number;
}

/** Lowers this thread's scheduling priority; on Linux a thread has its own nice value. */
function setThreadNice(nice: number): void {
  try {
    const tid = Number(readlinkSync("/proc/thread-self").split("/").pop());
    setPriority(tid, nice);
  } catch {
    // Not Linux, or not allowed: the worker runs at the process's priority.
  }
}

let sandbox: Promise<QuickJSSandbox> | null = null;
let niceSet = false;

/** Runs one program (tinypool calls this for each task). */
export default async function runTask(task: WorkerTask): Promise<WorkerReply> {
  if (!niceSet && task.nice !== undefined) setThreadNice(task.nice);
  niceSet = true;
  sandbox ??= QuickJSSandbox.create(task.variant === undefined ? {} : { variant: task.variant });
  const box = await sandbox;
  new Float64Array(task.started)[0] = Date.now();
  const result = await box.run(task.source, task.options);
  return {
    result,
    threadId,
    wasmHeapBytes: box.engine?.heapBytes() ?? 0,
    v8HeapBytes: getHeapStatistics().used_heap_size,
  };
}
