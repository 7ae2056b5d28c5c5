/**
 * renderTimelineText: the terminal timeline of `interleave run --timeline`. One row per lane,
 * one column per slice of the axis; each cell shows the busiest state the lane was in during the
 * slice (running beats ready beats I/O beats blocked beats sleeping), so a run that only lasted
 * an instant still shows who ran. Glyphs differ by shape, not colour: █ running, · ready,
 * ≈ waiting for I/O, x blocked, ─ sleeping, blank before the start and once done.
 *
 * ```
 *             0 s                                                   2 s
 * Task-1      █xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx█
 * Task-2      █────────────────────────────█────────────────────────────█
 * ```
 */
import { coordinate, fullWindow, STATE_STYLE, type Window } from "./layout";
import { type Lane, type Lanes, SPAN_STATES, type SpanState, STATE_LABELS } from "./model";

/** Options of renderTimelineText. */
export interface TextOptions {
  /** Columns of the chart itself, labels aside (default 60). */
  width?: number;
  /** The part of the run to draw (default all of it, on the lanes' suggested scale). */
  window?: Window;
  /** Widest lane label (default 18). */
  labelWidth?: number;
}

const RANK: Readonly<Record<SpanState, number>> = {
  running: 0,
  ready: 1,
  io: 2,
  blocked: 3,
  sleeping: 4,
  done: 5,
};

/** Draws `lanes` as text rows; an empty string when there are none. */
export function renderTimelineText(lanes: Lanes, options: TextOptions = {}): string {
  const rows: Lane[] = lanes.more === null ? lanes.lanes : [...lanes.lanes, lanes.more.lane];
  if (rows.length === 0) return "";
  const width = Math.max(10, Math.floor(options.width ?? 60));
  const window = options.window ?? fullWindow(lanes);
  const maxLabel = options.labelWidth ?? 18;
  const labelWidth = Math.min(maxLabel, Math.max(...rows.map((l) => l.label.length + l.depth))) + 2;
  const step = (window.to - window.from) / width;
  const unit = window.scale === "time" ? "s" : "";
  const fmt = (v: number) =>
    window.scale === "time" ? `${Number(v.toPrecision(4))} ${unit}` : `event ${Math.round(v)}`;

  const out: string[] = [];
  const left = fmt(window.from);
  const right = fmt(window.to);
  out.push(`${" ".repeat(labelWidth)}${left}${right.padStart(width - left.length)}`);
  for (const lane of rows) {
    const cells = new Array<number>(width).fill(-1);
    for (const span of lane.spans) {
      const a = (coordinate(span.start, window.scale) - window.from) / step;
      const b = (coordinate(span.end, window.scale) - window.from) / step;
      if (b < 0 || a > width) continue;
      // An instant at the very end falls in the last column.
      const from = Math.min(width - 1, Math.max(0, Math.floor(a)));
      // A span covers the columns it overlaps; an instant covers the column it falls in.
      const to = Math.min(width - 1, b > a ? Math.ceil(b) - 1 : from);
      const rank = RANK[span.state];
      for (let c = from; c <= to; c++) if (cells[c] === -1 || rank < cells[c]!) cells[c] = rank;
    }
    // A lane that ends waiting (a deadlock) shows that in the last column, even after a blip of running.
    const final = lane.spans[lane.spans.length - 1];
    if (final !== undefined && final.state !== "done" && coordinate(final.start, window.scale) >= window.to) {
      cells[width - 1] = RANK[final.state];
    }
    const line = cells.map((r) => (r === -1 ? " " : STATE_STYLE[SPAN_STATES_BY_RANK[r]!].glyph)).join("");
    const name = `${" ".repeat(lane.depth > 1 ? 1 : 0)}${lane.label}`;
    const label = name.length > labelWidth - 2 ? `${name.slice(0, labelWidth - 3)}…` : name;
    out.push(`${label.padEnd(labelWidth)}${line}`.trimEnd());
  }
  out.push(
    `${" ".repeat(labelWidth)}${SPAN_STATES.filter((s) => s !== "done")
      .map((s) => `${STATE_STYLE[s].glyph} ${STATE_LABELS[s]}`)
      .join("  ")}`,
  );
  return out.join("\n");
}

const SPAN_STATES_BY_RANK: readonly SpanState[] = (Object.keys(RANK) as SpanState[]).sort(
  (a, b) => RANK[a] - RANK[b],
);
