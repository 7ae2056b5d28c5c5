/**
 * A strategy decides, at each preemption point where more than one thread could run, which one
 * runs next. Candidates are ordered the same way for every strategy: the thread that ran last
 * first (if it can still run), then the others by thread id. A choice is an index into that
 * list, so index 0 means "no preemption" and the list of indices is a schedule any strategy
 * can replay.
 */

/** A thread a strategy can pick, as strategies see it. */
export interface Candidate {
  /** The thread's id (ident), unique in a run, in creation order. */
  readonly id: number;
}

/** One preemption point with more than one runnable thread. */
export interface ChoicePoint {
  readonly candidates: readonly Candidate[];
  /** True if candidates[0] is the thread that ran last (choosing another preempts it). */
  readonly currentRunnable: boolean;
  /** Preemption points so far in the run, counting those with a single candidate. */
  readonly step: number;
}

/** Chooses which thread runs next. */
export interface Strategy {
  /** The name recorded in the run's schedule. */
  readonly name: string;
  /** The index of the candidate to run. */
  choose(point: ChoicePoint): number;
  /** Called when a thread is created (PCT gives it a priority). */
  onSpawn?(id: number): void;
}

/** How a run picks threads: a name and its parameters (plain data, so results can record it). */
export type StrategySpec =
  | { kind: "round-robin"; opsPerSwitch?: number }
  | { kind: "random"; seed?: number }
  | { kind: "pct"; seed?: number; depth?: number; steps?: number }
  | { kind: "replay"; choices: readonly number[]; name?: string }
  | { kind: "custom"; strategy: Strategy };
