/**
 * A run's tasks (or threads) over virtual time as a lane chart for the terminal:
 *
 * ```
 *           0s                                         2s
 * Task-1    █─────────────────────────────────────────█
 * Task-2    █────────────────────█────────────────────█
 * ```
 *
 * One lane per task or thread, in order of first appearance; each column is a slice of virtual
 * time. "█" the lane ran (or computed) in that slice, "─" it was waiting (sleeping, blocked),
 * "·" it was ready but not running, blank before it started and after it ended. Built from the
 * trace alone, so it draws any RunResult, from any host.
 */
import type { RunResult, TraceEvent } from "@interleave/scheduler";

export interface TimelineOptions {
  /** Columns for the chart itself (default 60). */
  width?: number;
}

type State = "run" | "wait" | "ready" | "gone";

const GLYPH: Record<State, string> = { run: "█", wait: "─", ready: "·", gone: " " };

function stateAfter(kind: string, previous: State): State {
  switch (kind) {
    case "run":
    case "cpu":
      return "run";
    case "block":
    case "sleep":
      return "wait";
    case "spawn":
    case "wake":
      return "ready";
    case "exit":
    case "cancel":
      return "gone";
    default:
      return previous;
  }
}

function laneOf(event: TraceEvent): string {
  return event.thread ?? event.task ?? "main";
}

/** Draws the run's lanes; an empty string when the trace is empty. */
export function renderTimeline(run: RunResult, options: TimelineOptions = {}): string {
  const width = Math.max(10, options.width ?? 60);
  const lanes = new Map<string, TraceEvent[]>();
  for (const event of run.trace) {
    const lane = laneOf(event);
    let list = lanes.get(lane);
    if (!list) lanes.set(lane, (list = []));
    list.push(event);
  }
  if (lanes.size === 0) return "";
  const end = Math.max(run.time, ...run.trace.map((e) => e.time));
  const span = end > 0 ? end : 1;
  const column = (time: number) => Math.min(width - 1, Math.floor((time / span) * width));
  const labelWidth = Math.min(16, Math.max(...[...lanes.keys()].map((l) => l.length))) + 2;

  const rows: string[] = [];
  const axisEnd = `${Number(end.toFixed(3))}s`;
  rows.push(`${" ".repeat(labelWidth)}0s${axisEnd.padStart(width - 2)}`);
  for (const [lane, events] of lanes) {
    const cells: State[] = new Array<State>(width).fill("gone");
    const ran = new Array<boolean>(width).fill(false);
    let state: State = "gone";
    for (const [i, event] of events.entries()) {
      state = stateAfter(event.kind, state);
      const from = column(event.time);
      const next = events[i + 1];
      const to = next ? column(next.time) : state === "gone" ? from : width - 1;
      if (state === "run") ran[from] = true;
      for (let c = from; c <= to; c++) if (cells[c] === "gone" || c > from) cells[c] = state;
      if (event.kind === "cpu" || (state === "run" && next && next.time > event.time)) {
        for (let c = from; c <= to; c++) ran[c] = true;
      }
    }
    const line = cells.map((s, c) => (ran[c] ? GLYPH.run : GLYPH[s])).join("");
    rows.push(`${lane.slice(0, labelWidth - 2).padEnd(labelWidth)}${line.trimEnd()}`);
  }
  rows.push(`${" ".repeat(labelWidth)}█ running  ─ waiting  · ready`);
  return rows.join("\n");
}
