/**
 * Executors over @interleave/sandbox: the learner's program runs in QuickJS, held to the
 * sandbox's limits (wall-clock deadline, memory, stack, output) and the scheduler's (steps,
 * virtual time).
 *
 * `executorFor` adapts anything with the sandbox's `run(source, options)`: the in-thread
 * QuickJSSandbox (`sandboxExecutor`: tests, the course's own files) or the sandbox's Node worker
 * pool (`poolExecutor`: the CLI and the server, so a runaway built-in call kills a worker, not
 * the process). The server makes one pool and passes `executorFor(pool)` to gradeSubmission.
 */
import { QuickJSSandbox, type RunOptions as SandboxRunOptions } from "@interleave/sandbox";
import type { NodeSandbox, NodeSandboxOptions } from "@interleave/sandbox/node";
import type { RunResult } from "@interleave/scheduler";
import { directExecutor } from "./direct-executor";
import type { Executor, MeasuredRun, RunRequest } from "./executor";
import { strategySpec } from "./strategy";

/** What the grader needs of a sandbox host (QuickJSSandbox and the Node pool both have it). */
export interface SandboxHost {
  run(source: string, options?: SandboxRunOptions): Promise<RunResult>;
  /** Several runs of one program in one round trip, with their CPU time (the Node pool). */
  runMany?(source: string, runs: readonly SandboxRunOptions[]): Promise<MeasuredRun[]>;
}

/** The sandbox's options for a request. @throws RunRequestError for an unknown strategy */
function sandboxOptions(request: RunRequest): SandboxRunOptions {
  const limits = { ...request.limits };
  if (request.deadlineMs !== undefined) limits.deadlineMs = Math.max(1, Math.round(request.deadlineMs));
  return {
    filename: request.filename,
    seed: request.replay?.seed ?? request.seed ?? 0,
    limits,
    trace: request.trace ?? true,
    strategy: strategySpec(request),
  };
}

/** An executor that runs programs on `host` (a QuickJSSandbox or the sandbox's Node pool). */
export function executorFor(host: SandboxHost, concurrency = 1): Executor {
  const executor: Executor = {
    concurrency,
    run(request: RunRequest): Promise<RunResult> {
      try {
        return host.run(request.source, sandboxOptions(request));
      } catch (error) {
        return Promise.reject(error);
      }
    },
  };
  const runMany = host.runMany?.bind(host);
  if (runMany) {
    executor.runMany = async (requests) => {
      const [first] = requests;
      if (!first) return [];
      if (requests.some((r) => r.source !== first.source || r.filename !== first.filename)) {
        throw new RangeError("runMany runs one program: every request needs the same source and filename");
      }
      return runMany(first.source, requests.map(sandboxOptions));
    };
  }
  return executor;
}

/** An executor over a new QuickJS sandbox on this thread; dispose it when done. */
export async function sandboxExecutor(): Promise<Executor & Disposable> {
  const sandbox = await QuickJSSandbox.create();
  return { ...executorFor(sandbox), [Symbol.dispose]: () => sandbox.dispose() };
}

/** What boots a worker before the first graded run. */
const WARM_UP =
  'import { asyncio } from "interleave";\nasync function warm(): Promise<void> {}\nasyncio.run(warm());';

/**
 * An executor over the sandbox's Node worker pool: a run that overruns its deadline, or a
 * runaway built-in call no interrupt stops, terminates a worker, never this process. `pool` is
 * the pool itself (its thread count and stats, for a server's health report).
 */
export async function poolExecutor(
  options: NodeSandboxOptions = {},
): Promise<Executor & AsyncDisposable & { readonly pool: NodeSandbox }> {
  const { createNodeSandbox } = await import("@interleave/sandbox/node");
  const pool = createNodeSandbox(options);
  const threads = Math.max(1, options.threads ?? 1);
  // Boot the workers (QuickJS module, compiler) before the first graded run, so that its
  // deadline measures the program, not the warm-up.
  await Promise.all(Array.from({ length: threads }, () => pool.run(WARM_UP)));
  // Two runs per worker in flight: one running, one waiting, so no worker idles on a round trip.
  return { ...executorFor(pool, 2 * threads), pool, [Symbol.asyncDispose]: () => pool.dispose() };
}

/**
 * For the course's own files (reference solutions, starters, wrong answers: reviewed like code),
 * never for a learner's. Single runs go through the QuickJS sandbox; exploration runs (random
 * and PCT schedules, hundreds per check) run in-process on the scheduler, whose results the
 * sandbox's cross-host test shows identical, because the scheduler runs tens of times faster under
 * V8's JIT than in QuickJS's interpreter and the course's tests explore thousands of schedules.
 */
export async function courseExecutor(): Promise<Executor & Disposable> {
  const sandbox = await sandboxExecutor();
  const direct = directExecutor();
  const exploring = (request: RunRequest) => request.strategy === "random" || request.strategy === "pct";
  return {
    run: (request) => (exploring(request) && !request.replay ? direct : sandbox).run(request),
    [Symbol.dispose]: () => sandbox[Symbol.dispose](),
  };
}
