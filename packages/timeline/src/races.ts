/**
 * Lost updates, found in a trace: a thread reads a shared cell, another thread writes it, and
 * then the first thread writes a value computed from its old read, so the other's write is
 * overwritten as if it never happened. Read from `load`/`store` events (`count -> 3`,
 * `count <- 4`); a cell's version counts its writes, and a write is a lost update when its
 * writer's last read of the cell saw an older version that someone else has since replaced.
 */
import type { RunResult } from "@interleave/scheduler";
import { ActorResolver } from "./actors";

/** One write that overwrote another thread's write its writer never saw. */
export interface LostUpdate {
  /** Trace index of the overwriting store. */
  seq: number;
  time: number;
  cell: string;
  /** Who wrote without seeing the latest value (label), and the value it wrote. */
  writer: string;
  value: string;
  /** Whose write was lost, and the value it had written. */
  overwritten: string;
  lostValue: string;
  /** What the writer had read (the value its write was computed from). */
  read: string;
  /** In words: "Thread-2 wrote 1 to count, computed from 0, overwriting Thread-1's 1: one update was lost." */
  description: string;
}

interface CellHistory {
  version: number;
  value: string;
  writer: string | null;
  /** Actor id -> the version and value of its last read. */
  reads: Map<string, { version: number; value: string }>;
}

const LOAD = /^(.*?) -> (.*)$/;
const STORE = /^(\S+) <- (.*)$/;

/** Every lost update in the run's trace, in order (the first `end` events only, when given). */
export function lostUpdates(result: RunResult, end = result.trace.length): LostUpdate[] {
  const actors = new ActorResolver(result.trace);
  const cells = new Map<string, CellHistory>();
  const cell = (name: string) => {
    let c = cells.get(name);
    if (c === undefined) {
      c = { version: 0, value: "?", writer: null, reads: new Map() };
      cells.set(name, c);
    }
    return c;
  };
  const found: LostUpdate[] = [];
  const stop = Math.min(end, result.trace.length);
  for (let i = 0; i < stop; i++) {
    const e = result.trace[i]!;
    if (e.kind !== "load" && e.kind !== "store") continue;
    const who = actors.of(e);
    if (e.kind === "load") {
      const m = LOAD.exec(e.detail ?? "");
      if (m === null) continue;
      const c = cell(m[1]!);
      c.value = m[2]!;
      c.reads.set(who.id, { version: c.version, value: m[2]! });
      continue;
    }
    const m = STORE.exec(e.detail ?? "");
    if (m === null) continue;
    const c = cell(m[1]!);
    const read = c.reads.get(who.id);
    if (read !== undefined && read.version < c.version && c.writer !== null && c.writer !== who.label) {
      found.push({
        seq: i,
        time: e.time,
        cell: m[1]!,
        writer: who.label,
        value: m[2]!,
        overwritten: c.writer,
        lostValue: c.value,
        read: read.value,
        description:
          `${who.label} wrote ${m[2]} to ${m[1]}, computed from the ${read.value} it had read, ` +
          `overwriting the ${c.value} that ${c.writer} wrote: one update was lost.`,
      });
    }
    c.version++;
    c.value = m[2]!;
    c.writer = who.label;
    // The writer knows what it wrote: its next write builds on this one.
    c.reads.set(who.id, { version: c.version, value: m[2]! });
  }
  return found;
}
