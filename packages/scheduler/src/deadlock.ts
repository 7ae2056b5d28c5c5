/**
 * Deadlock reports. When no thread can run and no timer is due, every live thread is blocked
 * for good. The wait-for graph has an edge from a blocked thread to each thread holding what
 * it waits for (a lock's owner, the thread it joins); a cycle in it is the classic deadlock,
 * and the report names it: who holds what, who waits for what. Without a cycle (an event
 * nobody sets, a queue nobody fills) the report lists the threads blocked forever.
 */

import type { EventLoop } from "./loop";
import type { BlockedThread, WaitForEdge, WaitingTask } from "./result";
import { BLOCKED, CPU, type SimThread } from "./sim-thread";

/** What a deadlock report says. */
export interface DeadlockInfo {
  message: string;
  waiting: WaitingTask[];
  threads: BlockedThread[];
  cycle: WaitForEdge[] | null;
}

function label(t: SimThread): string {
  return t.process.main === t && t.process.name !== "MainProcess" ? `${t.process.name}/${t.name}` : t.name;
}

/** The first cycle of the wait-for graph among `blocked`, as edges in order, or null. */
export function findCycle(blocked: readonly SimThread[]): WaitForEdge[] | null {
  const done = new Set<SimThread>();
  for (const start of blocked) {
    const path: SimThread[] = [];
    const onPath = new Map<SimThread, number>();
    let t: SimThread | undefined = start;
    while (t !== undefined && !done.has(t)) {
      const at = onPath.get(t);
      if (at !== undefined) {
        const cycle = path.slice(at);
        return cycle.map((x, i) => ({
          thread: label(x),
          waitsFor: x.waitsFor!._label(),
          heldBy: label(cycle[(i + 1) % cycle.length]!),
        }));
      }
      onPath.set(t, path.length);
      path.push(t);
      const holders: readonly SimThread[] =
        t.status === BLOCKED && t.waitsFor !== null ? t.waitsFor._holders() : [];
      t = holders.find((h) => h.status === BLOCKED);
    }
    for (const x of path) done.add(x);
  }
  return null;
}

/** Describes the deadlock of `live` threads (and of the main thread's idle event loop). */
export function describeDeadlock(live: readonly SimThread[], loop: EventLoop | null): DeadlockInfo {
  const blocked = live.filter((t) => t.status === BLOCKED || t.status === CPU);
  const threads: BlockedThread[] = blocked.map((t) => ({
    thread: label(t),
    process: t.process.name,
    waitsOn: t.wait ?? "nothing",
    holds: t.holds.map((r) => r._label()),
  }));
  const waiting = loop === null ? [] : loop._waitingTasks();
  const cycle = findCycle(blocked);
  let message: string;
  if (cycle !== null) {
    const parts = cycle.map((e) => {
      const holds = blocked.find((t) => label(t) === e.thread)?.holds.map((r) => r._label()) ?? [];
      const has = holds.length > 0 ? ` holds ${holds.join(", ")} and` : "";
      return `${e.thread}${has} waits for ${e.waitsFor} (held by ${e.heldBy})`;
    });
    message = `Deadlock: ${parts.join("; ")}.`;
  } else {
    const parts = threads.map((t) => `${t.thread} waits on ${t.waitsOn}`);
    const tasks = waiting.map((w) => `${w.task} (${w.coro}) waits on ${w.waitsOn}`);
    message = `Deadlock: nothing can run and nothing will wake the blocked threads: ${[...parts, ...tasks].join("; ")}.`;
  }
  return { message, waiting, threads, cycle };
}
