/**
 * What the grader needs from whatever runs programs: one call, a program in, a RunResult out.
 *
 * The real executor is the sandbox (QuickJS in a worker pool, with wall-clock, memory and step
 * limits); tests of this package may use `directExecutor` for trusted programs. Keeping the
 * interface this small lets the same checks run in the server's pool, the CLI and vitest.
 */
import type { MeasuredRun, SandboxLimits } from "@interleave/sandbox";
import type { RunResult, Schedule } from "@interleave/scheduler";

/** A run's result and the CPU time it took where it ran (the sandbox's own record of a run). */
export type { MeasuredRun };

/** Limits of a run: the sandbox's (deadline, memory, stack, output) and the scheduler's (steps, virtual time). */
export type RunLimits = Partial<SandboxLimits>;

/** How to run a program once. Every field is optional; the defaults are the scheduler's. */
export interface RunOptions {
  /** Seed of the strategy's pseudo-random choices. */
  seed?: number;
  /** Thread-scheduling strategy: "round-robin" (default), "random" or "pct". */
  strategy?: string;
  /** PCT's bug depth d (number of priority change points + 1). */
  depth?: number;
  /** PCT's estimate of preemption points in one run (explore measures it with a first run). */
  steps?: number;
  /** Record the trace (default true); exploration turns it off for speed. */
  trace?: boolean;
  /** Replays exactly this recorded schedule (strategy and seed come from it). */
  replay?: Schedule;
  /** Raises or lowers the run's limits (steps, virtual time, output lines ...). */
  limits?: RunLimits;
  /** Wall-clock deadline of this run in milliseconds. */
  deadlineMs?: number;
}

/** One program to run. */
export interface RunRequest extends RunOptions {
  /** The program's TypeScript or JavaScript source. */
  source: string;
  /** Shown in errors; ".js" names are compiled as JavaScript. */
  filename: string;
}

/** Runs programs; never throws because a program failed (that is a RunResult with a status). */
export interface Executor {
  run(request: RunRequest): Promise<RunResult>;
  /**
   * Optional: runs several requests of one program (the same source and filename) in order, in
   * one round trip, each with the CPU time it took. It may stop after a run stopped by its
   * deadline or memory cap (running the program again would cost as much again) and answer with
   * fewer results. Without it the grader calls run() once per request and counts wall time.
   */
  runMany?(requests: readonly RunRequest[]): Promise<MeasuredRun[]>;
  /**
   * How many runs it usefully takes at once (default 1). A pool of worker threads says more
   * than its size, so that a worker never waits for the host; exploration keeps that many
   * schedules in flight.
   */
  readonly concurrency?: number;
}
