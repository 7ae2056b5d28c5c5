/**
 * The executor used when a caller gives none: the sandbox's shared Node pool (QuickJS in worker
 * threads). Loaded lazily so that importing the grader does not start workers.
 */
import { GraderError } from "./errors";
import type { Executor } from "./executor";

let shared: Promise<Executor> | null = null;

/** The process-wide sandbox executor (created on first use). */
export function defaultExecutor(): Promise<Executor> {
  shared ??= Promise.reject(
    new GraderError("the sandbox's Node pool is not available yet: pass an executor to gradeSubmission"),
  );
  return shared;
}
