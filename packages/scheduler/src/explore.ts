/**
 * Schedule exploration: run a program under many schedules until a property fails, and replay
 * any schedule exactly.
 *
 * Random and PCT runs use seeds seed, seed+1, ...; exhaustive search is stateless DFS over the
 * choice points (as CHESS and loom do): it replays a prefix of choices, lets the run continue
 * without preemption, then backtracks to the deepest choice point with an untried
 * alternative, counting a preemption each time a thread that could go on is switched away
 * from, and never exceeding the bound (Musuvathi and Qadeer's preemption bounding: most
 * concurrency bugs need very few preemptions). Exploration runs without a trace for speed; the
 * counterexample is replayed with the trace on, so it comes back complete.
 */
import type { RunResult, Schedule } from "./result";
import { type InterleaveModule, type RuntimeOptions, run } from "./runtime";
import { ReplayStrategy } from "./strategies/replay";
import type { StrategySpec } from "./strategies/strategy";

/** A program: the module's top level, given the module it imports. */
export type Program = (module: InterleaveModule) => unknown;

/** A property every run should have; false (or a thrown error) is a counterexample. */
export type Property = (result: RunResult) => boolean;

/** How to explore. */
export interface ExploreOptions {
  /** Default "pct". */
  strategy?: "random" | "pct" | "dfs" | "round-robin";
  /** Seed of the first run (default 1); run i uses seed + i. */
  seed?: number;
  /** Most schedules to run (default 1000). */
  runs?: number;
  /** PCT bug depth (default 2). */
  depth?: number;
  /** PCT's estimate of preemption points per run (default: measured by the first run). */
  steps?: number;
  /** DFS preemption bound (default 2). */
  preemptions?: number;
  /** Options of every run (limits, cores, realm ...). */
  runtime?: RuntimeOptions;
}

/** A run that broke the property, and how to get it again. */
export interface Counterexample {
  result: RunResult;
  schedule: Schedule;
  seed: number;
  /** Which run it was (0-based). */
  run: number;
}

/** What exploration found. */
export interface ExploreResult {
  /** True if no run broke the property. */
  ok: boolean;
  /** Schedules run. */
  runs: number;
  /** DFS only: true if every schedule within the bound was run. */
  exhausted: boolean;
  counterexample: Counterexample | null;
}

function runWith(
  program: Program,
  base: RuntimeOptions,
  strategy: StrategySpec,
  seed: number,
  trace: boolean,
): RunResult {
  return run(program, { ...base, seed, trace, threads: { ...base.threads, strategy } });
}

function holds(property: Property, result: RunResult): boolean {
  try {
    return property(result) === true;
  } catch {
    return false;
  }
}

/**
 * Runs `program` under schedules chosen by `options.strategy` until `property` fails; returns
 * the first counterexample with its schedule and seed.
 * @example explore(program, { strategy: "pct", runs: 100 }, (r) => r.value === 2)
 */
export function explore(program: Program, options: ExploreOptions, property: Property): ExploreResult {
  const base = options.runtime ?? {};
  const max = options.runs ?? 1000;
  const kind = options.strategy ?? "pct";
  if (kind === "dfs")
    return exploreDfs(program, base, max, options.preemptions ?? 2, options.seed ?? 1, property);
  const seed0 = options.seed ?? 1;
  let steps = options.steps;
  for (let i = 0; i < max; i++) {
    const seed = seed0 + i;
    const spec: StrategySpec =
      kind === "random"
        ? { kind: "random", seed }
        : kind === "round-robin"
          ? { kind: "round-robin" }
          : { kind: "pct", seed, depth: options.depth ?? 2, steps: steps ?? 100 };
    const result = runWith(program, base, spec, seed, false);
    steps ??= Math.max(1, result.stats.preemptionPoints ?? 1);
    if (!holds(property, result)) {
      return {
        ok: false,
        runs: i + 1,
        exhausted: false,
        counterexample: counterexample(program, base, result, i),
      };
    }
  }
  return { ok: true, runs: max, exhausted: false, counterexample: null };
}

function counterexample(
  program: Program,
  base: RuntimeOptions,
  quick: RunResult,
  index: number,
): Counterexample {
  const result = replay(program, quick.schedule, base);
  return { result, schedule: result.schedule, seed: quick.schedule.seed, run: index };
}

function exploreDfs(
  program: Program,
  base: RuntimeOptions,
  max: number,
  bound: number,
  seed: number,
  property: Property,
): ExploreResult {
  let prefix: number[] = [];
  for (let i = 0; i < max; i++) {
    const strategy = new ReplayStrategy(prefix, "dfs");
    const result = runWith(program, base, { kind: "custom", strategy }, seed, false);
    if (!holds(property, result)) {
      return {
        ok: false,
        runs: i + 1,
        exhausted: false,
        counterexample: counterexample(program, base, result, i),
      };
    }
    const next = backtrack(result.schedule.choices, strategy.seen, bound);
    if (next === null) return { ok: true, runs: i + 1, exhausted: true, counterexample: null };
    prefix = next;
  }
  return { ok: true, runs: max, exhausted: false, counterexample: null };
}

/**
 * The next prefix to run after a run that made `choices`, where `points[2i]` is how many
 * candidates choice i had and `points[2i+1]` is 1 if the running thread could go on; null
 * when every alternative within `bound` preemptions has been tried.
 */
export function backtrack(
  choices: readonly number[],
  points: readonly number[],
  bound: number,
): number[] | null {
  const n = choices.length;
  const before: number[] = new Array(n + 1);
  before[0] = 0;
  for (let i = 0; i < n; i++)
    before[i + 1] = before[i]! + (points[2 * i + 1] === 1 && choices[i] !== 0 ? 1 : 0);
  for (let i = n - 1; i >= 0; i--) {
    const c = choices[i]! + 1;
    if (c >= points[2 * i]!) continue;
    const cost = points[2 * i + 1] === 1 ? 1 : 0;
    if (before[i]! + cost > bound) continue;
    const next = choices.slice(0, i);
    next.push(c);
    return next;
  }
  return null;
}

/** Runs `program` again with the choices of `schedule`; the result is the recorded run's. */
export function replay(program: Program, schedule: Schedule, options: RuntimeOptions = {}): RunResult {
  const spec: StrategySpec = { kind: "replay", choices: schedule.choices, name: schedule.strategy };
  return runWith(program, options, spec, schedule.seed, options.trace ?? true);
}
