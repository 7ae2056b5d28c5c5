/**
 * From lanes to pixels, shared by the SVG string, the React timeline and the terminal text: the
 * axis window, one rectangle per span (spans narrower than a pixel merged into one, showing the
 * busiest state among them, so a 10,000-event lane costs at most one rectangle per pixel), one
 * mark per pixel for markers, and round tick values. Also the look of each state: a colour and a
 * pattern, so states never rely on colour alone.
 */
import type { At, Lane, Lanes, Marker, Scale, SpanState } from "./model";

/** The visible window of the axis, in seconds (time) or events (events). */
export interface Window {
  scale: Scale;
  from: number;
  to: number;
}

/** A span (or several merged) in pixels. */
export interface Rect {
  x: number;
  w: number;
  state: SpanState;
  /** Indices into lane.spans drawn by this rectangle. */
  spans: number[];
}

/** Markers that fall on one pixel. */
export interface Mark {
  x: number;
  markers: Marker[];
}

const RANK: Readonly<Record<SpanState, number>> = {
  running: 0,
  ready: 1,
  io: 2,
  blocked: 3,
  sleeping: 4,
  done: 5,
};

/** A point on the axis. */
export function coordinate(at: At, scale: Scale): number {
  return scale === "time" ? at.time : at.seq;
}

/** The whole run's window on `scale` (default: the one the lanes suggest). */
export function fullWindow(lanes: Lanes, scale: Scale = lanes.scale): Window {
  const to = coordinate(lanes.end, scale);
  return { scale, from: 0, to: to > 0 ? to : 1 };
}

/** Rectangles for `lane` in a track `width` pixels wide showing `window`; at least `min` px wide. */
export function layoutSpans(lane: Lane, window: Window, width: number, min = 1.5): Rect[] {
  const k = width / (window.to - window.from);
  const out: Rect[] = [];
  const spans = lane.spans;
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i]!;
    let x0 = (coordinate(s.start, window.scale) - window.from) * k;
    let x1 = (coordinate(s.end, window.scale) - window.from) * k;
    if (x1 < 0 || x0 > width) continue;
    x0 = Math.max(0, x0);
    x1 = Math.min(width, x1);
    const last = out[out.length - 1];
    if (last !== undefined && last.w < 1 && x0 - (last.x + last.w) < 0.5 && x1 - last.x < 1) {
      last.w = x1 - last.x;
      if (RANK[s.state] < RANK[last.state]) last.state = s.state;
      last.spans.push(i);
      continue;
    }
    if (last !== undefined && last.w < min) {
      // Widen a sliver so it shows, and start the next rectangle after it.
      last.w = Math.min(min, width - last.x);
      x0 = Math.min(Math.max(x0, last.x + last.w), width);
      x1 = Math.max(x1, x0);
    }
    out.push({ x: x0, w: x1 - x0, state: s.state, spans: [i] });
  }
  const tail = out[out.length - 1];
  if (tail !== undefined && tail.w < min) tail.w = Math.min(min, width - tail.x);
  return out;
}

/** Marks for `lane`'s markers, one per pixel. */
export function layoutMarkers(lane: Lane, window: Window, width: number): Mark[] {
  const k = width / (window.to - window.from);
  const out: Mark[] = [];
  for (const m of lane.markers) {
    const x = Math.round((coordinate(m.at, window.scale) - window.from) * k);
    if (x < 0 || x > width) continue;
    const last = out[out.length - 1];
    if (last !== undefined && last.x === x) last.markers.push(m);
    else out.push({ x, markers: [m] });
  }
  return out;
}

/** About `count` round tick values inside the window (1, 2 or 5 times a power of ten apart). */
export function ticks(window: Window, count = 8): number[] {
  const span = window.to - window.from;
  if (!(span > 0)) return [window.from];
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? power * 10;
  const minStep = window.scale === "events" ? Math.max(1, step) : step;
  const out: number[] = [];
  for (let v = Math.ceil(window.from / minStep) * minStep; v <= window.to + 1e-9; v += minStep) {
    out.push(Number(v.toPrecision(12)));
  }
  return out;
}

/** A tick or a time in words: "1.5 s", or "event 120". */
export function formatCoordinate(v: number, scale: Scale): string {
  return scale === "time" ? `${Number(v.toPrecision(6))} s` : `event ${Math.round(v)}`;
}

/** Colour and pattern of each state (patterns: solid, hatched, dotted, crossed, striped, hollow). */
export const STATE_STYLE: Readonly<Record<SpanState, { color: string; pattern: string; glyph: string }>> = {
  running: { color: "#2563eb", pattern: "solid", glyph: "█" },
  ready: { color: "#d97706", pattern: "hatched", glyph: "·" },
  sleeping: { color: "#6b7280", pattern: "dotted", glyph: "─" },
  blocked: { color: "#dc2626", pattern: "crossed", glyph: "x" },
  io: { color: "#0d9488", pattern: "striped", glyph: "≈" },
  done: { color: "#9ca3af", pattern: "hollow", glyph: " " },
};

/** The SVG <pattern> definitions for the states, ids `${prefix}-${state}`. */
export function patternDefs(prefix: string): string {
  const p = (state: SpanState, body: string) =>
    `<pattern id="${prefix}-${state}" patternUnits="userSpaceOnUse" width="6" height="6">${body}</pattern>`;
  const c = STATE_STYLE;
  return [
    p(
      "ready",
      `<rect width="6" height="6" fill="#fef3c7"/><path d="M0,6 L6,0" stroke="${c.ready.color}" stroke-width="1.5"/>`,
    ),
    p(
      "sleeping",
      `<rect width="6" height="6" fill="#f3f4f6"/><circle cx="3" cy="3" r="1.2" fill="${c.sleeping.color}"/>`,
    ),
    p(
      "blocked",
      `<rect width="6" height="6" fill="#fee2e2"/><path d="M0,0 L6,6 M6,0 L0,6" stroke="${c.blocked.color}" stroke-width="1.2"/>`,
    ),
    p(
      "io",
      `<rect width="6" height="6" fill="#ccfbf1"/><path d="M0,3 L6,3" stroke="${c.io.color}" stroke-width="1.5"/>`,
    ),
  ].join("");
}

/** The fill of a state's rectangles, given the pattern id prefix. */
export function stateFill(state: SpanState, prefix: string): string {
  if (state === "running") return STATE_STYLE.running.color;
  if (state === "done") return "none";
  return `url(#${prefix}-${state})`;
}
