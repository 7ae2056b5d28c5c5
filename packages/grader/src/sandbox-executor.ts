/**
 * Executors over @interleave/sandbox: the learner's program runs in QuickJS, held to the
 * sandbox's limits (wall-clock deadline, memory, stack, output) and the scheduler's (steps,
 * virtual time).
 *
 * `executorFor` adapts anything with the sandbox's `run(source, options)`: the in-thread
 * QuickJSSandbox (the CLI, tests) or the sandbox's Node worker pool (the server, which passes
 * `executorFor(pool)` to gradeSubmission so a runaway built-in call kills a worker, not the
 * server).
 */
import { QuickJSSandbox, type RunOptions as SandboxRunOptions } from "@interleave/sandbox";
import type { RunResult } from "@interleave/scheduler";
import { directExecutor } from "./direct-executor";
import { RunRequestError } from "./errors";
import type { Executor, RunRequest } from "./executor";

/** What the grader needs of a sandbox host (QuickJSSandbox and the Node pool both have it). */
export interface SandboxHost {
  run(source: string, options?: SandboxRunOptions): Promise<RunResult>;
}

/** Strategies the sandbox runs today (it does not yet take a strategy: only its default). */
const SUPPORTED = new Set(["round-robin", "fifo"]);

/** An executor that runs programs on `host` (a QuickJSSandbox or the sandbox's Node pool). */
export function executorFor(host: SandboxHost): Executor {
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
      return host.run(request.source, {
        filename: request.filename,
        seed: request.replay?.seed ?? request.seed ?? 0,
        limits,
        trace: request.trace ?? true,
      });
    },
  };
}

/** An executor over a new QuickJS sandbox on this thread; dispose it when done. */
export async function sandboxExecutor(): Promise<Executor & Disposable> {
  const sandbox = await QuickJSSandbox.create();
  return { ...executorFor(sandbox), [Symbol.dispose]: () => sandbox.dispose() };
}

/**
 * For the course's own files (reference solutions, starters, wrong answers: reviewed like code),
 * never for a learner's: runs in the sandbox, and in-process on the scheduler only what the
 * sandbox cannot run yet (exploring strategies), so `npm test` and `interleave check` prove the
 * course in QuickJS wherever they can.
 */
export async function courseExecutor(): Promise<Executor & Disposable> {
  const sandbox = await sandboxExecutor();
  const direct = directExecutor();
  return {
    run: (request) =>
      sandbox.run(request).catch((error: unknown) => {
        if (error instanceof RunRequestError) return direct.run(request);
        throw error;
      }),
    [Symbol.dispose]: () => sandbox[Symbol.dispose](),
  };
}
