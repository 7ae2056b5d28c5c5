/**
 * Runs student programs in the browser, off the main thread, through @interleave/sandbox's Web
 * Worker. One worker per page, created on first Run and kept warm; cancelling a run terminates
 * the worker (the only way to stop code that never yields) and the next run starts a new one.
 */
import type { RunView } from "@/lib/run-view";

export interface ProgramRunner {
  /** Runs a program; resolves with its result, or rejects with RunCancelledError. */
  run(source: string): Promise<RunView>;
  /** Stops the current run at once. */
  cancel(): void;
}

/** The run was cancelled from the UI. */
export class RunCancelledError extends Error {
  override name = "RunCancelledError";
  constructor() {
    super("the run was cancelled");
  }
}

let shared: ProgramRunner | null = null;

/** The page's runner (created on first use). */
export function pageRunner(): ProgramRunner {
  shared ??= createUnavailableRunner();
  return shared;
}

function createUnavailableRunner(): ProgramRunner {
  return {
    run: () => Promise.reject(new Error("the in-browser runner is not available yet")),
    cancel() {},
  };
}
