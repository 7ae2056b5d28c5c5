/**
 * The executor that runs learners' programs: @interleave/sandbox's QuickJS sandbox, with the
 * sandbox's limits (wall-clock deadline, memory, stack, output, steps, virtual time).
 *
 * TODO(sandbox node pool): run in the sandbox's worker pool once it exists, so that a runaway
 * single built-in call (which no interrupt handler stops) kills a worker, not this process.
 */
import { QuickJSSandbox, type RunOptions as SandboxRunOptions } from "@interleave/sandbox";
import type { RunResult } from "@interleave/scheduler";
import { RunRequestError } from "./errors";
import type { Executor, RunRequest } from "./executor";

/** Strategies the sandbox runs today (it does not yet take a strategy: only its default). */
const SUPPORTED = new Set(["round-robin", "fifo"]);

/** An executor over one QuickJS sandbox on this thread; dispose it when done. */
export async function sandboxExecutor(): Promise<Executor & Disposable> {
  const sandbox = await QuickJSSandbox.create();
  return {
    run(request: RunRequest): Promise<RunResult> {
      const limits = { ...request.limits };
      if (request.deadlineMs !== undefined) limits.deadlineMs = Math.max(1, Math.round(request.deadlineMs));
      const strategy = request.replay?.strategy ?? request.strategy ?? "round-robin";
      if (!SUPPORTED.has(strategy) || (request.replay && request.replay.choices.length > 0)) {
        // Never ignore a strategy silently: a race that is never explored would pass.
        return Promise.reject(
          new RunRequestError(`the sandbox cannot run schedules of strategy '${strategy}' (or replays) yet`),
        );
      }
      const options: SandboxRunOptions = {
        filename: request.filename,
        seed: request.replay?.seed ?? request.seed ?? 0,
        limits,
        trace: request.trace ?? true,
      };
      return sandbox.run(request.source, options);
    },
    [Symbol.dispose]() {
      sandbox.dispose();
    },
  };
}
