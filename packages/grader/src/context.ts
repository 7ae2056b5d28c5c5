/**
 * The `t` a check receives: it runs the submission (once, under many seeds, or exploring
 * schedules) and asserts on the results. Runs go through the grading's executor and share the
 * grading's budget: CPU time measured where the runs ran (so a busy machine does not shrink it),
 * with a wall-clock safety net. Once a run is stopped by its deadline or the memory cap, further
 * runs are not started and come back as "limit" results (the learner's failure), so a submission
 * that loops forever costs one deadline, not one per run; a budget spent without such a stop
 * throws GradingBudgetError (an error of the grading, not the learner's). Runs record their trace
 * only when asked, or when the check reads one (it then runs again with traces: see TraceMode).
 */
import type { RunResult, Schedule } from "@interleave/scheduler";
import { describeEnding } from "./describe-run";
import { CheckFailure, GradingBudgetError } from "./errors";
import type { Executor, MeasuredRun, RunLimits, RunOptions, RunRequest } from "./executor";
import { RunExpectation } from "./expect";
import { notRun } from "./synthetic-run";

/** Options of `t.explore`. */
export interface ExploreOptions {
  /** "pct" (default) or "random". */
  strategy?: string;
  /** PCT's depth (default 2: finds bugs that need one badly timed switch). */
  depth?: number;
  /** How many schedules to try at most (default 100). */
  runs?: number;
  /** The first seed; run i uses seed firstSeed + i (default 1). */
  firstSeed?: number;
  limits?: RunLimits;
}

/** ExploreOptions with their defaults applied. */
interface ExplorePlan {
  strategy: string;
  depth: number;
  total: number;
  firstSeed: number;
  limits: RunLimits | undefined;
}

/**
 * A property of one run. It fails when it returns false or a string (the reason), or when an
 * expectation inside it fails; any other return value (true, undefined) means it held.
 */
export type Property = (run: RunResult) => unknown;

/** The schedule that broke a property, for the message and for the web app's replay. */
export interface Counterexample {
  strategy: string;
  seed: number;
  depth?: number;
  /** PCT's estimate of preemption points per run (part of what makes the schedule). */
  steps?: number;
  /** The recorded choices; `interleave run --replay` and the web app replay them exactly. */
  schedule: Schedule;
  /** Schedules tried, this one included. */
  explored: number;
}

/** What the grading shares between its checks. */
export interface GradingSession {
  executor: Executor;
  source: string;
  filename: string;
  limits: RunLimits;
  seeds: number;
  /** CPU time the grading's runs may use (ms); no run starts once it is spent. */
  budgetMs: number;
  /** CPU time the runs used so far (ms; each run's wall time where the executor cannot say). */
  spentMs: number;
  /** performance.now() after which no new run starts: the safety net for a machine too busy. */
  wallEnd: number;
  /** The safety net in ms, for messages. */
  wallBudgetMs: number;
  /** Wall-clock deadline of one run (ms). */
  runDeadlineMs: number;
  /** Set when a run was stopped by its deadline: later runs are not started. */
  stoppedBy: string | null;
  /**
   * Whether runs that do not say record their trace. False (the default): they do not, and
   * reading such a run's trace sets `traceWanted`, so the check runs again with traces on.
   */
  traces: boolean;
  /** Set when a check read the trace of a run made without one (see `traces`). */
  traceWanted: boolean;
  /** Runs made (cache hits included). */
  runs: number;
  /** Runs actually executed (cache misses). */
  executed: number;
  /**
   * Results by their options: a run is deterministic (same program, options and seed give the
   * same result), so checks that each call `t.run()` share one execution.
   */
  cache: Map<string, RunResult>;
}

/** Why `property` failed on `run`, or null when it held. Errors other than expectations propagate. */
async function verdict(property: Property, run: RunResult): Promise<string | null> {
  try {
    const value = await property(run);
    if (value === false) return `The property did not hold: ${describeEnding(run)}.`;
    if (typeof value === "string") return value;
    return null;
  } catch (error) {
    if (error instanceof CheckFailure) return error.message;
    throw error;
  }
}

/** Sandbox stops that take long to reach: after one, the submission is not run again. */
const DEADLINE_STOP = "DeadlineExceeded";
const EXPENSIVE_STOPS = new Set([DEADLINE_STOP, "MemoryLimitExceeded"]);
/** Most schedules an exploration sends a worker in one message (see explore). */
const MAX_BATCH = 4;

/**
 * How a run records its trace: as its options say (true, false), or "lazy": not recorded, and
 * reading it asks for the check again with traces. Recording the trace costs about as much as
 * the program itself in the sandbox, and most checks never read it.
 */
type TraceMode = boolean | "lazy";

/** The cache key of a run's options (what makes its result). */
function keyOf(options: RunOptions, trace: TraceMode): string {
  return JSON.stringify([
    options.seed,
    options.strategy,
    options.depth,
    options.steps,
    trace,
    options.replay,
    options.limits,
  ]);
}

/** Thrown by reading the trace of a run made without one; the grading runs the check again with traces. */
export class TraceNeeded extends Error {
  override readonly name = "TraceNeeded";
  constructor() {
    super("this run was made without its trace; the check runs again with traces");
  }
}

export class CheckContext {
  /** Runs made by this check. */
  runs = 0;
  /** The last run, whose output the results show. */
  lastRun: RunResult | null = null;
  counterexample: Counterexample | null = null;
  readonly logs: string[] = [];

  constructor(private readonly session: GradingSession) {}

  /** The submission's source text, for checks about how it is written. */
  get source(): string {
    return this.session.source;
  }

  /** Runs the submission once (default seed and strategy unless given). */
  async run(options: RunOptions = {}): Promise<RunResult> {
    const [result] = await this.#runAll([options]);
    this.lastRun = result!;
    return result!;
  }

  /**
   * Runs the submission once per entry of `list`, in order: cached results are reused, the rest
   * go to the executor as one batch where it takes batches. The budget is checked before the
   * batch starts, so a batch may overrun it by its own runs (each bounded by its deadline).
   */
  async #runAll(list: readonly RunOptions[]): Promise<RunResult[]> {
    const s = this.session;
    const modes = list.map((options): TraceMode => options.trace ?? (s.traces ? true : "lazy"));
    // A traced result serves a lazy request too: it has everything the lazy one would.
    const results: (RunResult | undefined)[] = list.map((options, i) => {
      const mode = modes[i]!;
      const traced = mode === "lazy" ? s.cache.get(keyOf(options, true)) : undefined;
      return traced ?? this.#withoutTrace(s.cache.get(keyOf(options, mode)), mode);
    });
    const pending = results.flatMap((result, i) => (result === undefined ? [i] : []));
    if (pending.length > 0 && s.stoppedBy === null) {
      const wallLeft = s.wallEnd - performance.now();
      if (s.spentMs >= s.budgetMs) throw new GradingBudgetError(s.budgetMs, "cpu");
      if (wallLeft <= 0) throw new GradingBudgetError(s.wallBudgetMs, "wall");
      const requests = pending.map((i): RunRequest => {
        const options = list[i]!;
        const full = options.deadlineMs ?? s.runDeadlineMs;
        return {
          ...options,
          source: s.source,
          filename: s.filename,
          limits: { ...s.limits, ...options.limits },
          deadlineMs: Math.max(1, Math.min(full, wallLeft)),
          trace: modes[i] === true,
        };
      });
      const measured = await this.#execute(requests);
      for (const [k, { result, cpuMs }] of measured.entries()) {
        const i = pending[k]!;
        const request = requests[k]!;
        s.executed++;
        s.spentMs += cpuMs;
        results[i] = this.#withoutTrace(result, modes[i]!);
        // The sandbox names a deadline stop (its deadline counts from the run's start in a
        // worker, so time spent waiting for a busy pool never looks like the program's).
        const stoppedByClock = result.error?.type === DEADLINE_STOP;
        const full = list[i]!.deadlineMs ?? s.runDeadlineMs;
        if (stoppedByClock && request.deadlineMs! < full)
          throw new GradingBudgetError(s.wallBudgetMs, "wall");
        if (result.error !== null && EXPENSIVE_STOPS.has(result.error.type)) {
          // Running it again would cost as much again: the rest of the grading does without.
          s.stoppedBy ??= stoppedByClock
            ? `an earlier run was stopped by the ${Math.round(request.deadlineMs!)} ms wall-clock deadline`
            : `an earlier run was stopped by a limit (${result.error.type})`;
          break;
        }
        s.cache.set(keyOf(list[i]!, modes[i]!), result);
      }
    }
    const done = results.map((result, i) => {
      if (result) return result;
      const options = list[i]!;
      return notRun(
        "limit",
        { type: "GradingDeadline", message: `not run: ${s.stoppedBy ?? "an earlier run was stopped"}` },
        options.replay?.strategy ?? options.strategy ?? "round-robin",
        options.replay?.seed ?? options.seed ?? 0,
      );
    });
    s.runs += done.length;
    this.runs += done.length;
    return done;
  }

  /** A lazy run as the check sees it: reading its trace marks the trace wanted (and throws). */
  #withoutTrace(result: RunResult | undefined, mode: TraceMode): RunResult | undefined {
    if (result === undefined || mode !== "lazy") return result;
    const s = this.session;
    const copy = { ...result };
    Object.defineProperty(copy, "trace", {
      get() {
        s.traceWanted = true;
        throw new TraceNeeded();
      },
      enumerable: true,
      configurable: true,
    });
    return copy;
  }

  /** Runs `requests` with the executor: one batch where it takes batches, else one call each, timed. */
  async #execute(requests: RunRequest[]): Promise<MeasuredRun[]> {
    const { executor } = this.session;
    if (executor.runMany) return executor.runMany(requests);
    // Without a measure, a run costs its wall time (for an executor on this thread, its CPU time).
    return Promise.all(
      requests.map(async (request) => {
        const started = performance.now();
        const result = await executor.run(request);
        return { result, cpuMs: performance.now() - started };
      }),
    );
  }

  /** Runs the submission under `count` seeds (1..count; default the exercise's `seeds`). */
  async runSeeds(count: number = this.session.seeds, options: RunOptions = {}): Promise<RunResult[]> {
    const list = Array.from({ length: count }, (_, i) => ({ strategy: "random", ...options, seed: i + 1 }));
    const { executor } = this.session;
    if (!executor.runMany || count === 0) {
      const results: RunResult[] = [];
      for (const seedOptions of list) results.push(await this.run(seedOptions));
      return results;
    }
    // One batch per run the executor takes at once, each its share of the seeds in order.
    const inFlight = Math.max(1, Math.min(count, Math.floor(executor.concurrency ?? 1)));
    const size = Math.ceil(count / inFlight);
    const groups = Array.from({ length: Math.ceil(count / size) }, (_, g) =>
      list.slice(g * size, (g + 1) * size),
    );
    const results = (await Promise.all(groups.map((group) => this.#runAll(group)))).flat();
    this.lastRun = results[results.length - 1]!;
    return results;
  }

  /**
   * Runs schedules until `property` fails, and fails the check with the first counterexample
   * (its seed and schedule). Returns the number of schedules tried when none failed (1 when
   * the program never had two threads to choose between: then every schedule is the same).
   */
  async explore(options: ExploreOptions, property: Property): Promise<number> {
    const plan: ExplorePlan = {
      strategy: options.strategy ?? "pct",
      depth: options.depth ?? 2,
      total: options.runs ?? 100,
      firstSeed: options.firstSeed ?? 1,
      limits: options.limits,
    };
    const { strategy, depth, total, firstSeed } = plan;
    // PCT spreads its d-1 priority change points over the run's preemption points: estimate
    // how many there are from the first run, as the scheduler's own explore does.
    let steps = 100;
    const request = (i: number): RunOptions => {
      const options: RunOptions = { strategy, seed: firstSeed + i, trace: false };
      if (strategy === "pct") Object.assign(options, { depth, steps });
      if (plan.limits) options.limits = plan.limits;
      return options;
    };
    const first = await this.run(request(0));
    const firstReason = await verdict(property, first);
    if (firstReason !== null) return this.#counterexample(plan, firstReason, first, 0, steps);
    // No point had two runnable threads: every strategy and seed gives this very run.
    if (first.schedule.choices.length === 0) return 1;
    steps = Math.max(1, first.stats.preemptionPoints ?? 1);
    // Schedules are independent: `inFlight` batches run at once when the executor can (a worker
    // pool), and their verdicts are read in seed order, so the first failing seed is always the
    // one reported, whichever run finished first. An executor that takes batches gets several
    // schedules per message, the batches doubling from 1 to MAX_BATCH: a wrong program usually
    // fails in its first schedules, and small first batches waste few runs past its failure.
    const inFlight = Math.max(1, Math.floor(this.session.executor.concurrency ?? 1));
    const maxBatch = this.session.executor.runMany ? MAX_BATCH : 1;
    let batch = 1;
    for (let next = 1; next < total; batch = Math.min(maxBatch, 2 * batch)) {
      const groups: number[][] = [];
      for (let g = 0; g < inFlight && next < total; g++) {
        const size = Math.min(batch, total - next);
        groups.push(Array.from({ length: size }, (_, k) => next + k));
        next += size;
      }
      const runs = await Promise.all(groups.map((group) => this.#runAll(group.map(request))));
      const indexes = groups.flat();
      const window = runs.flat();
      for (const [k, run] of window.entries()) {
        const reason = await verdict(property, run);
        if (reason !== null) return this.#counterexample(plan, reason, run, indexes[k]!, steps);
      }
      this.lastRun = window[window.length - 1]!;
    }
    return total;
  }

  /** Fails the check with the schedule `quick` (run `index` of an exploration), replayed whole. */
  async #counterexample(
    plan: ExplorePlan,
    reason: string,
    quick: RunResult,
    index: number,
    steps: number,
  ): Promise<never> {
    const { strategy, depth, total, limits } = plan;
    const seed = plan.firstSeed + index;
    // Replay the failing schedule with the trace on, so the counterexample comes back whole.
    const full = await this.run({
      replay: quick.schedule,
      trace: true,
      ...(limits ? { limits } : {}),
    });
    this.counterexample = {
      strategy,
      seed,
      ...(strategy === "pct" ? { depth, steps } : {}),
      schedule: quick.schedule,
      explored: index + 1,
    };
    const how = strategy === "pct" ? `${strategy} (depth ${depth})` : strategy;
    throw new CheckFailure(
      `${reason}\nThis happened in schedule ${index + 1} of the ${total} tried (strategy ${how}, seed ${seed}); ` +
        "replay it to see the interleaving that breaks the program.",
      full.schedule.choices.length === quick.schedule.choices.length ? full : quick,
    );
  }

  /** Expectations about a run; `hint` is added to the failure message (a nudge for the learner). */
  expect(run: RunResult, hint?: string): RunExpectation {
    return new RunExpectation(run, hint);
  }

  /** Fails the check with this message. */
  fail(message: string): never {
    throw new CheckFailure(message, this.lastRun ?? undefined);
  }

  /** Fails the check with `message` unless `condition` holds. */
  assert(condition: unknown, message: string): asserts condition {
    if (!condition) this.fail(message);
  }

  /** Adds a line to the check's output (shown with the result). */
  log(text: string): void {
    this.logs.push(text);
  }
}
