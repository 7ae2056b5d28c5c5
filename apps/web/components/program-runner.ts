/**
 * Runs student programs in the browser, off the main thread, through @interleave/sandbox's
 * browser host (a module Web Worker holding QuickJS). The client is loaded on the first Run and
 * kept for the page, so the worker stays warm. Cancel terminates the worker, the only way to stop
 * code that is running; the sandbox starts a fresh one for the next run.
 */
import type { RunOptions } from "@interleave/sandbox";
import type { BrowserSandbox } from "@interleave/sandbox/browser";
import type { RunResult } from "@interleave/scheduler";

/** Real time a Run may take in the browser before the sandbox stops it (Cancel is offered). */
export const BROWSER_DEADLINE_MS = 30_000;

/** How a run chooses its schedule: the seed, and a strategy (e.g. replaying a failing check's choices). */
export interface ScheduleOptions {
  seed?: number | undefined;
  strategy?: RunOptions["strategy"];
}

export interface ProgramRunner {
  /** Runs a program; resolves with its result, or rejects (see isCancelled) when cancelled. */
  run(source: string, schedule?: ScheduleOptions): Promise<RunResult>;
  /** Stops every queued and running run at once. */
  cancel(): void;
}

/** True when a run's rejection means it was cancelled (the sandbox's RunCancelledError). */
export function isCancelled(error: unknown): boolean {
  return error instanceof Error && error.name === "RunCancelledError";
}

let sandbox: Promise<BrowserSandbox> | null = null;

function browserSandbox(): Promise<BrowserSandbox> {
  sandbox ??= import("@interleave/sandbox/browser").then((m) => m.createBrowserSandbox());
  return sandbox;
}

/** The page's runner (its worker starts on the first run). */
export function pageRunner(): ProgramRunner {
  return {
    async run(source, schedule = {}) {
      const host = await browserSandbox();
      const options: RunOptions = { filename: "main.ts", limits: { deadlineMs: BROWSER_DEADLINE_MS } };
      if (schedule.seed !== undefined) options.seed = schedule.seed;
      if (schedule.strategy !== undefined) options.strategy = schedule.strategy;
      return host.run(source, options);
    },
    cancel() {
      // Nothing can be running before the client has loaded.
      void sandbox?.then((host) => host.cancel());
    },
  };
}
