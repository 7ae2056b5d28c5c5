/**
 * Grading a Submit on the server with every check, hidden ones included.
 *
 * Each exercise's grader.ts is TypeScript that Next must compile: it is imported through a
 * template path under exercises/, which the bundler turns into one lazily loaded chunk per
 * grader at build time (a runtime import of a .ts file would fail on Node 20).
 *
 * The programs run in QuickJS, never in this realm: in the sandbox's pool of worker threads, one
 * per core, so grading never blocks the server's own thread and a runaway built-in call costs a
 * worker, not the server. Next's server bundle rewrites import.meta.url, so the pool is given
 * its worker file explicitly (findWorkerFile walks up from the working directory).
 *
 * The queue is bounded: at most GRADINGS_PER_WORKER gradings per worker are admitted (running or
 * waiting for a worker), and at most WORK_PER_WORKER_MS of expected grading time per worker (each
 * exercise's recent grading time; a grading measured under a full queue takes longer, so the
 * estimate also backs off when the machine is overloaded). Past either a Submit is refused at
 * once with GradingBusyError and a retry time estimated from the work ahead, so a burst of
 * submissions waits at the client instead of piling up in the server's memory and latency. Page requests never
 * wait for gradings: they run on the server's thread, gradings in the workers.
 */

import { availableParallelism } from "node:os";
import {
  type Executor,
  type ExerciseDefinition,
  type GradingResult,
  gradeWithDefinition,
  isExerciseDefinition,
  poolExecutor,
} from "@interleave/grader";
import {
  emptyPoolStats,
  findWorkerFile,
  type NodeSandbox,
  type NodeSandboxStats,
} from "@interleave/sandbox/node";
import { RetryPacer } from "./retry-pacing";
import type { GradeView } from "./run-view";

async function loadDefinition(exerciseId: string): Promise<ExerciseDefinition> {
  const [moduleId, slug] = exerciseId.split("/") as [string, string];
  const loaded: { default?: unknown } = await import(`../../../exercises/${moduleId}/${slug}/grader.ts`);
  if (!isExerciseDefinition(loaded.default)) {
    throw new Error(`exercises/${exerciseId}/grader.ts does not export defineExercise(...) as its default`);
  }
  return loaded.default;
}

/** Gradings in flight (running or queued) per worker before Submit answers "busy". */
export const GRADINGS_PER_WORKER = 4;
/**
 * Expected grading time admitted per worker (ms). A grading's cost is what its exercise took
 * recently; past this budget Submit answers "busy" even below the count, so a queue of gradings
 * that explore hundreds of schedules stays as short in time as a queue of typical ones.
 */
export const WORK_PER_WORKER_MS = 1_000;
/** The cost assumed for an exercise not graded yet in this process (ms). */
const UNSEEN_COST_MS = 100;

/** Submit refused because the grading queue is full; says when to try again. */
export class GradingBusyError extends Error {
  override name = "GradingBusyError";
  constructor(readonly retryAfterMs: number) {
    super(`The grading queue is full; retry in ${Math.ceil(retryAfterMs / 1000)} s.`);
  }
}

/** What the grading pool is doing, for the load and fault tests and for monitoring. */
export interface GradingStatus {
  /** Gradings admitted and not finished (running or waiting for a worker). */
  inFlight: number;
  /** The most gradings admitted at once; past it Submit is refused with GradingBusyError. */
  limit: number;
  /** Worker threads alive now (0 before the pool has started). */
  threads: number;
  /** The pool's counts (runs, workers killed past a deadline, crashed, recycled) and its workers' heaps. */
  pool: NodeSandboxStats;
  /** Gradings refused as busy since the process started. */
  refused: number;
  /** Expected grading time of the gradings in flight, and the most admitted at once (ms). */
  workMs: number;
  budgetMs: number;
}

/** The process's grading state, shared by every copy of this module Next's bundles make. */
interface Grading {
  pool: Promise<{ sandbox: NodeSandbox; executor: Executor }> | undefined;
  threads: number;
  limit: number;
  inFlight: number;
  refused: number;
  /** Each exercise's recent grading time (ms, a moving average): its cost when admitted. */
  costMs: Map<string, number>;
  /** The sum of the costs of the gradings in flight, and the most admitted (ms). */
  workMs: number;
  budgetMs: number;
  /** Stretches the retry time while refusals outnumber the gradings that finish. */
  pacer: RetryPacer;
}

const STATE = Symbol.for("interleave.web.grading");
type StateHolder = { [STATE]?: Grading };

function grading(): Grading {
  const holder = globalThis as StateHolder;
  if (!holder[STATE]) {
    const threads = Math.max(1, availableParallelism());
    holder[STATE] = {
      pool: undefined,
      threads,
      limit: threads * GRADINGS_PER_WORKER,
      inFlight: 0,
      refused: 0,
      costMs: new Map(),
      workMs: 0,
      budgetMs: threads * WORK_PER_WORKER_MS,
      pacer: new RetryPacer(performance.now()),
    };
  }
  return holder[STATE];
}

/**
 * A Submit's grading budget and each run's deadline. The budget is CPU time measured in the
 * workers (the grader's default, 2.5 s, suits a terminal; lost-update's reference solution uses
 * ~1.6 s across its ~150 runs), so a busy server never shrinks it and a correct program never
 * comes back "error" because the workers were shared; real time only bounds the whole grading
 * as a safety net. A run's deadline is real time counted from its start in a worker, and a run
 * stopped by it having used under half of it in CPU was starved and runs again (the sandbox's
 * pool). The queue (above) keeps the wait for a worker bounded.
 */
const SUBMIT_BUDGET_MS = 5_000;
const SUBMIT_WALL_BUDGET_MS = 30_000;
const SUBMIT_RUN_DEADLINE_MS = 3_000;

/** How much lower than the server's thread the grading workers run (nice value, 0-19). */
const WORKER_NICE = 10;

function gradingPool(state: Grading): Promise<{ sandbox: NodeSandbox; executor: Executor }> {
  state.pool ??= poolExecutor({
    workerFile: findWorkerFile(),
    threads: state.threads,
    // The workers run at a lower priority than this thread: when grading saturates the cores,
    // the server's thread still gets the CPU to serve pages and answer Submits.
    nice: WORKER_NICE,
  })
    .then((executor) => ({ sandbox: executor.pool, executor }))
    .catch((error: unknown) => {
      state.pool = undefined; // the next Submit tries again
      throw error;
    });
  return state.pool;
}

/**
 * How long until the queue has room for this Submit: the work ahead, shared by the workers,
 * stretched while more students are refused than gradings finish (lib/retry-pacing.ts).
 */
function retryAfter(state: Grading): number {
  const workAhead = Math.max(250, state.workMs / state.threads);
  return Math.round(Math.min(30_000, workAhead * state.pacer.stretch));
}

function costOf(state: Grading, exerciseId: string): number {
  return state.costMs.get(exerciseId) ?? UNSEEN_COST_MS;
}

/** True when a grading of this cost fits now (one always does when nothing is in flight). */
function hasRoom(state: Grading, cost: number): boolean {
  if (state.inFlight === 0) return true;
  return state.inFlight < state.limit && state.workMs + cost <= state.budgetMs;
}

/** The grading queue and pool right now. */
export async function gradingStatus(): Promise<GradingStatus> {
  const state = grading();
  const sandbox = state.pool ? (await state.pool.catch(() => null))?.sandbox : undefined;
  return {
    inFlight: state.inFlight,
    limit: state.limit,
    threads: sandbox?.threads ?? 0,
    pool: { ...(sandbox?.stats ?? emptyPoolStats()) },
    refused: state.refused,
    workMs: Math.round(state.workMs),
    budgetMs: state.budgetMs,
  };
}

/** Sets how many gradings may be in flight at once (tests; the default is per worker). */
export function setGradingLimit(limit: number): void {
  grading().limit = Math.max(1, Math.floor(limit));
}

/**
 * The refusal a Submit would get now because the queue is full, or null when there is room.
 * Submit asks before anything else costs (the session, the rate limit, the database), so a busy
 * refusal is cheap and does not use up the student's allowance; gradeOnServer checks again.
 */
export function gradingBusy(exerciseId: string): GradingBusyError | null {
  const state = grading();
  if (hasRoom(state, costOf(state, exerciseId))) return null;
  state.refused++;
  state.pacer.refused(performance.now());
  return new GradingBusyError(retryAfter(state));
}

/**
 * Grades `code` against a known exercise with all its checks.
 * @throws GradingBusyError when `limit` gradings, or the work budget, are already in flight
 *   (nothing is started).
 */
export async function gradeOnServer(exerciseId: string, code: string): Promise<GradeView> {
  const busy = gradingBusy(exerciseId);
  if (busy !== null) throw busy;
  const state = grading();
  const cost = costOf(state, exerciseId);
  state.inFlight++;
  state.workMs += cost;
  const started = performance.now();
  try {
    const definition = await loadDefinition(exerciseId);
    const { executor } = await gradingPool(state);
    const result = await gradeWithDefinition(definition, exerciseId, code, {
      includeHidden: true,
      executor,
      budgetMs: SUBMIT_BUDGET_MS,
      wallBudgetMs: SUBMIT_WALL_BUDGET_MS,
      runDeadlineMs: SUBMIT_RUN_DEADLINE_MS,
    });
    return toGradeView(result);
  } finally {
    state.inFlight--;
    state.workMs = Math.max(0, state.workMs - cost);
    const finished = performance.now();
    state.pacer.finished(finished);
    const took = finished - started;
    const seen = state.costMs.get(exerciseId);
    state.costMs.set(exerciseId, seen === undefined ? took : 0.7 * seen + 0.3 * took);
  }
}

/** Keeps what the page shows: results.json v3 plus each failed check's schedule to replay. */
export function toGradeView(result: GradingResult): GradeView {
  return {
    version: 3,
    status: result.status,
    message: result.message ?? null,
    tests: result.tests.map((test, index) => {
      const reproduce = result.interleave.tests[index]?.reproduce ?? null;
      return {
        name: test.name,
        status: test.status,
        message: test.message,
        output: test.output,
        task_id: test.task_id ?? null,
        replay: reproduce
          ? { seed: reproduce.seed, strategy: reproduce.strategy, choices: reproduce.schedule.choices }
          : null,
      };
    }),
  };
}
