/**
 * The `t` a check receives: it runs the submission (once, under many seeds, or exploring
 * schedules) and asserts on the results. Runs go through the grading's executor and share the
 * grading's wall-clock budget: once a run is stopped by its deadline or the memory cap, further
 * runs are not started and come back as "limit" results (the learner's failure), so a submission
 * that loops forever costs one deadline, not one per run; a budget spent without such a stop
 * throws GradingBudgetError (an error of the grading, not the learner's).
 */
import type { RunResult, Schedule } from "@interleave/scheduler";
import { describeEnding } from "./describe-run";
import { CheckFailure, GradingBudgetError } from "./errors";
import type { Executor, RunLimits, RunOptions } from "./executor";
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
  /** performance.now() after which no new run starts. */
  budgetEnd: number;
  /** The budget in ms, for messages. */
  budgetMs: number;
  /** Wall-clock deadline of one run (ms). */
  runDeadlineMs: number;
  /** Set when a run was stopped by its deadline: later runs are not started. */
  stoppedBy: string | null;
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
    const s = this.session;
    const strategy = options.replay?.strategy ?? options.strategy ?? "round-robin";
    const seed = options.replay?.seed ?? options.seed ?? 0;
    const key = JSON.stringify([
      options.seed,
      options.strategy,
      options.depth,
      options.steps,
      options.trace,
      options.replay,
      options.limits,
    ]);
    let result = s.cache.get(key);
    const remaining = s.budgetEnd - performance.now();
    if (result) {
      // Deterministic: the same options give the same result.
    } else if (s.stoppedBy !== null) {
      result = notRun(
        "limit",
        { type: "GradingDeadline", message: `not run: ${s.stoppedBy}` },
        strategy,
        seed,
      );
    } else if (remaining <= 0) {
      throw new GradingBudgetError(s.budgetMs);
    } else {
      const fullDeadline = options.deadlineMs ?? s.runDeadlineMs;
      const deadlineMs = Math.max(1, Math.min(fullDeadline, remaining));
      s.executed++;
      result = await s.executor.run({
        ...options,
        source: s.source,
        filename: s.filename,
        limits: { ...s.limits, ...options.limits },
        deadlineMs,
      });
      // The sandbox names a deadline stop (its deadline counts from the run's start in a worker,
      // so time spent waiting for a busy pool never looks like the program's).
      const stoppedByClock = result.error?.type === DEADLINE_STOP;
      if (stoppedByClock && deadlineMs < fullDeadline) throw new GradingBudgetError(s.budgetMs);
      const expensive = result.error !== null && EXPENSIVE_STOPS.has(result.error.type);
      if (expensive) {
        // Running it again would cost as much again: the rest of the grading does without.
        s.stoppedBy = stoppedByClock
          ? `an earlier run was stopped by the ${Math.round(deadlineMs)} ms wall-clock deadline`
          : `an earlier run was stopped by a limit (${result.error!.type})`;
      } else {
        s.cache.set(key, result);
      }
    }
    s.runs++;
    this.runs++;
    this.lastRun = result;
    return result;
  }

  /** Runs the submission under `count` seeds (1..count; default the exercise's `seeds`). */
  async runSeeds(count: number = this.session.seeds, options: RunOptions = {}): Promise<RunResult[]> {
    const results: RunResult[] = [];
    for (let seed = 1; seed <= count; seed++) {
      results.push(await this.run({ strategy: "random", ...options, seed }));
    }
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
    const schedule = (i: number): Promise<RunResult> => {
      const request: RunOptions = { strategy, seed: firstSeed + i, trace: false };
      if (strategy === "pct") Object.assign(request, { depth, steps });
      if (options.limits) request.limits = options.limits;
      return this.run(request);
    };
    const first = await schedule(0);
    const firstReason = await verdict(property, first);
    if (firstReason !== null) return this.#counterexample(plan, firstReason, first, 0, steps);
    // No point had two runnable threads: every strategy and seed gives this very run.
    if (first.schedule.choices.length === 0) return 1;
    steps = Math.max(1, first.stats.preemptionPoints ?? 1);
    // Schedules are independent: several run at once when the executor can (a worker pool),
    // and their verdicts are read in seed order, so the first failing seed is always the one
    // reported, whichever run finished first.
    const window = Math.max(1, Math.floor(this.session.executor.concurrency ?? 1));
    for (let start = 1; start < total; start += window) {
      const indexes = Array.from({ length: Math.min(window, total - start) }, (_, k) => start + k);
      const runs = await Promise.all(indexes.map(schedule));
      for (const [k, run] of runs.entries()) {
        const reason = await verdict(property, run);
        if (reason !== null) return this.#counterexample(plan, reason, run, indexes[k]!, steps);
      }
      this.lastRun = runs[runs.length - 1]!;
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
