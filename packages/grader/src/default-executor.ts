/**
 * The executor used when a caller gives none: the sandbox's Node worker pool (one worker), so a
 * runaway program is stopped by terminating a worker. Created lazily, once per process, so that
 * importing the grader starts nothing. A server makes its own, larger pool (poolExecutor).
 */
import type { Executor } from "./executor";
import { poolExecutor } from "./sandbox-executor";

let shared: Promise<Executor & AsyncDisposable> | null = null;

/** The process-wide sandbox executor (created on first use). */
export function defaultExecutor(): Promise<Executor> {
  shared ??= poolExecutor({ threads: 1 });
  return shared;
}

/** Releases the process-wide executor, if one was created (a CLI does this before exiting). */
export async function disposeDefaultExecutor(): Promise<void> {
  const executor = shared;
  shared = null;
  if (executor) await (await executor)[Symbol.asyncDispose]();
}
