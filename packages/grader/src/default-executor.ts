/**
 * The executor used when a caller gives none: the sandbox. Created lazily, once per process, so
 * that importing the grader starts nothing.
 */
import type { Executor } from "./executor";
import { sandboxExecutor } from "./sandbox-executor";

let shared: Promise<Executor & Disposable> | null = null;

/** The process-wide sandbox executor (created on first use). */
export function defaultExecutor(): Promise<Executor> {
  shared ??= sandboxExecutor();
  return shared;
}

/** Releases the process-wide executor, if one was created (a CLI does this before exiting). */
export async function disposeDefaultExecutor(): Promise<void> {
  const executor = shared;
  shared = null;
  if (executor) (await executor)[Symbol.dispose]();
}
