/**
 * A run's cost in CPU time, and when a deadline stop was the machine's doing rather than the
 * program's.
 *
 * The sandbox's deadline is wall-clock time (QuickJS's interrupt handler reads a clock), so on a
 * machine whose cores are shared, a run can reach it while its thread waited for a core. Linux
 * keeps each thread's CPU time in /proc/thread-self/schedstat (nanoseconds, first field), which
 * other work does not inflate: graders budget with it, and a run stopped by the clock having
 * used well under its deadline in CPU is run again.
 */
import { openSync, readFileSync, readlinkSync, readSync } from "node:fs";
import type { RunResult } from "@interleave/scheduler";
import { STOP_TYPES } from "../limits";

/** The CPU time in a schedstat line (its first field, ns) in ms, or null. */
function schedstatMs(text: string): number | null {
  const ns = Number(text.slice(0, text.indexOf(" ")));
  return Number.isFinite(ns) && ns > 0 ? ns / 1e6 : null;
}

/** This thread's schedstat, opened once (reads at offset 0 then cost ~2 us, not ~20). */
let schedstat: number | null | undefined;
const buffer = Buffer.alloc(64);

/**
 * This thread's CPU time in ms (Linux), or null where the kernel does not say. The kernel
 * brings the running thread's count up to date at each scheduler tick (4 ms here), so one run's
 * figure is that coarse; sums over many runs are not.
 */
export function threadCpuMs(): number | null {
  try {
    schedstat ??= openSync("/proc/thread-self/schedstat", "r");
    if (schedstat === null) return null;
    return schedstatMs(buffer.toString("latin1", 0, readSync(schedstat, buffer, 0, buffer.length, 0)));
  } catch {
    schedstat = null;
    return null;
  }
}

/** This thread's id (Linux), or null. */
export function threadId(): number | null {
  try {
    const tid = Number(readlinkSync("/proc/thread-self").split("/").pop());
    return Number.isInteger(tid) && tid > 0 ? tid : null;
  } catch {
    return null;
  }
}

/** The CPU time in ms of thread `tid` of this process (Linux), or null. */
export function cpuMsOfThread(tid: number): number | null {
  try {
    return schedstatMs(readFileSync(`/proc/self/task/${tid}/schedstat`, "latin1"));
  } catch {
    return null;
  }
}

/** Where a worker says which run it is on, for the main thread's watchdog (Float64 slots). */
export const RUN_CLOCK = {
  /** Date.now() when the run (or a starved run's retry) started; 0 before the first. */
  startedAt: 0,
  /** The worker's thread id (Linux), or NaN. */
  thread: 1,
  /** The worker's CPU time (ms) when the run started, or NaN. */
  cpuAtStart: 2,
  /** Slots in all. */
  size: 3,
} as const;

/**
 * Under this share of its deadline in CPU time, a run stopped by the clock was starved: a
 * program that loops forever uses its whole deadline in CPU (QuickJS never sleeps).
 */
export const STARVED_SHARE = 0.5;

/** True when `result` was stopped by its wall-clock deadline having used under STARVED_SHARE of it in CPU. */
export function starved(result: RunResult, cpuMs: number | null, deadlineMs: number): boolean {
  return (
    cpuMs !== null && result.error?.type === STOP_TYPES.deadline.type && cpuMs < STARVED_SHARE * deadlineMs
  );
}

/** Stops that take long to reach (the deadline, the memory cap): later runs of the program are skipped. */
export function isExpensiveStop(result: RunResult): boolean {
  const type = result.error?.type;
  return type === STOP_TYPES.deadline.type || type === STOP_TYPES.memory.type;
}

/** A starved worker is terminated past this many times its run's budget in wall time all the same. */
export const STARVED_CAP = 4;

/**
 * How long the watchdog waits before looking at a run again (ms); 0 or less: terminate its
 * worker now. Past its budget in wall time, a worker that used under STARVED_SHARE of it in CPU
 * since the run started was starved by other work on the machine, not stuck in a long built-in
 * call (which uses the CPU): it gets until it has used that much, or STARVED_CAP budgets.
 */
export function watchdogWait(elapsedMs: number, budgetMs: number, cpuUsedMs: () => number | null): number {
  if (elapsedMs < budgetMs) return budgetMs - elapsedMs;
  if (elapsedMs >= STARVED_CAP * budgetMs) return 0;
  const used = cpuUsedMs();
  if (used === null) return 0;
  return STARVED_SHARE * budgetMs - used;
}
