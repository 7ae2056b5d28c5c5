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
import { openSync, readSync } from "node:fs";
import type { RunResult } from "@interleave/scheduler";
import { STOP_TYPES } from "../limits";

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
    const text = buffer.toString("latin1", 0, readSync(schedstat, buffer, 0, buffer.length, 0));
    const ns = Number(text.slice(0, text.indexOf(" ")));
    return Number.isFinite(ns) && ns > 0 ? ns / 1e6 : null;
  } catch {
    schedstat = null;
    return null;
  }
}

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
