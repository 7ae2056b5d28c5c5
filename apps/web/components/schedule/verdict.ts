/**
 * What a hand-made schedule found, in words: a lost update (a write over a write its writer
 * never saw), a deadlock, an error, or an output that differs from the run nobody preempted.
 */
import type { RunResult } from "@interleave/scheduler";
import { lostUpdates, waitForGraph } from "@interleave/timeline";

export interface Finding {
  kind: "lost-update" | "deadlock" | "error" | "output";
  /** A short headline: "You found a lost update." */
  title: string;
  text: string;
}

/** Index of the first line where two outputs differ, or -1. */
export function firstDifference(a: readonly string[], b: readonly string[]): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return -1;
}

const quote = (line: string | undefined) => (line === undefined ? "missing" : `“${line}”`);

/**
 * The findings of a session: `sofar` is the run up to the current choice point, `ended` the
 * whole run once no choice is left (null while choosing), `baseline` the run with no preemption.
 */
export function findings(sofar: RunResult, ended: RunResult | null, baseline: RunResult): Finding[] {
  const out: Finding[] = [];
  const lost = lostUpdates(ended ?? sofar);
  if (lost.length > 0) {
    const more =
      lost.length > 1 ? ` (${lost.length} writes in all overwrote a value their writer never saw.)` : "";
    out.push({
      kind: "lost-update",
      title: "You found a lost update.",
      text: `${lost[0]!.description}${more}`,
    });
  }
  if (ended === null) return out;
  if (ended.status === "deadlock") {
    out.push({ kind: "deadlock", title: "You found a deadlock.", text: waitForGraph(ended).summary });
  } else if (ended.status !== "ok" && ended.error !== null) {
    out.push({
      kind: "error",
      title: "Your schedule made the program fail.",
      text: `${ended.error.type}: ${ended.error.message}`,
    });
  }
  const mine = ended.output.map((l) => l.text);
  const usual = baseline.output.map((l) => l.text);
  const i = firstDifference(mine, usual);
  if (i >= 0)
    out.push({
      kind: "output",
      title: "The output is different.",
      text: `Printed line ${i + 1} is ${quote(mine[i])}; without preemption it is ${quote(usual[i])}.`,
    });
  return out;
}
