/**
 * renderTimelineSvg: lanes as a standalone, accessible SVG document (for lessons and an export).
 * It names itself (<title>, <desc>, role="img"), labels every lane and gives every span and
 * marker a <title> in words, and tells states apart by pattern as well as colour, with a legend.
 */

import {
  formatCoordinate,
  fullWindow,
  layoutMarkers,
  layoutSpans,
  patternDefs,
  STATE_STYLE,
  stateFill,
  ticks,
  type Window,
} from "./layout";
import { type Lane, type Lanes, SPAN_STATES, STATE_LABELS } from "./model";
import { describeSpan, escapeXml, markerLabel } from "./words";

/** Options of renderTimelineSvg. */
export interface SvgOptions {
  /** Total width in pixels (default 960). */
  width?: number;
  /** Height of one lane (default 22). */
  laneHeight?: number;
  /** Width of the lane labels (default 180). */
  labelWidth?: number;
  /** The part of the run to draw (default all of it, on the lanes' suggested scale). */
  window?: Window;
  /** The document's title (default "Timeline of the run"). */
  title?: string;
  /** Prefix of the ids inside the SVG, to keep several on one page apart (default "tl"). */
  idPrefix?: string;
  /** Draw the legend (default true). */
  legend?: boolean;
}

const AXIS = 24;
const LEGEND = 28;

/** A standalone SVG document drawing `lanes`. */
export function renderTimelineSvg(lanes: Lanes, options: SvgOptions = {}): string {
  const width = options.width ?? 960;
  const h = options.laneHeight ?? 22;
  const labelWidth = options.labelWidth ?? 180;
  const prefix = options.idPrefix ?? "tl";
  const window = options.window ?? fullWindow(lanes);
  const title = options.title ?? "Timeline of the run";
  const track = Math.max(10, width - labelWidth - 8);
  const rows: Lane[] = lanes.more === null ? lanes.lanes : [...lanes.lanes, lanes.more.lane];
  const legend = options.legend ?? true;
  const height = AXIS + rows.length * h + (legend ? LEGEND : 0) + 4;
  const x = (v: number) => labelWidth + ((v - window.from) / (window.to - window.from)) * track;
  const out: string[] = [];
  const desc = `${lanes.summary} ${rows.length} lanes${lanes.more ? `, the last summarising ${lanes.more.count} more` : ""}; the axis shows ${window.scale === "time" ? "virtual seconds" : "trace events"} from ${formatCoordinate(window.from, window.scale)} to ${formatCoordinate(window.to, window.scale)}.`;
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${prefix}-title ${prefix}-desc" font-family="system-ui, sans-serif" font-size="11">`,
    `<title id="${prefix}-title">${escapeXml(title)}</title>`,
    `<desc id="${prefix}-desc">${escapeXml(desc)}</desc>`,
    `<defs>${patternDefs(prefix)}</defs>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
  );

  // The axis: ticks and their values.
  out.push(`<g class="axis" aria-hidden="true" fill="#374151">`);
  for (const t of ticks(window)) {
    const tx = x(t).toFixed(1);
    out.push(
      `<line x1="${tx}" x2="${tx}" y1="${AXIS - 6}" y2="${AXIS + rows.length * h}" stroke="#e5e7eb"/>`,
      `<text x="${tx}" y="${AXIS - 9}" text-anchor="middle">${escapeXml(formatCoordinate(t, window.scale))}</text>`,
    );
  }
  out.push("</g>");

  for (const [i, lane] of rows.entries()) {
    const y = AXIS + i * h;
    const name = lane.subtitle ? `${lane.label} (${lane.subtitle})` : lane.label;
    out.push(
      `<g class="lane lane-${lane.kind}" data-lane="${escapeXml(lane.id)}" role="group" aria-label="${escapeXml(name)}">`,
      `<text x="${4 + lane.depth * 10}" y="${y + h / 2 + 4}" fill="#111827"${lane.kind === "thread" || lane.kind === "process" ? ' font-weight="600"' : ""}>${escapeXml(truncate(lane.label, Math.floor((labelWidth - 8 - lane.depth * 10) / 6.5)))}</text>`,
    );
    for (const r of layoutSpans(lane, window, track)) {
      const first = lane.spans[r.spans[0]!]!;
      const last = lane.spans[r.spans[r.spans.length - 1]!]!;
      const words =
        r.spans.length === 1
          ? describeSpan(lane, first, window.scale)
          : `${lane.label}: ${r.spans.length} short states from ${formatCoordinate(first.start[window.scale === "time" ? "time" : "seq"], window.scale)} to ${formatCoordinate(last.end[window.scale === "time" ? "time" : "seq"], window.scale)}, busiest ${STATE_LABELS[r.state]}`;
      const top = r.state === "done" ? y + h / 2 - 1 : y + 4;
      const height = r.state === "done" ? 2 : h - 8;
      const fill = r.state === "done" ? STATE_STYLE.done.color : stateFill(r.state, prefix);
      out.push(
        `<rect class="span span-${r.state}" x="${(labelWidth + r.x).toFixed(1)}" y="${top}" width="${r.w.toFixed(1)}" height="${height}" fill="${fill}"${r.state === "running" || r.state === "done" ? "" : ` stroke="${STATE_STYLE[r.state].color}" stroke-width="0.5"`}><title>${escapeXml(words)}</title></rect>`,
      );
    }
    for (const m of layoutMarkers(lane, window, track)) {
      const mx = labelWidth + m.x;
      const words = m.markers.map(markerLabel).join("; ");
      const kind = m.markers[0]!.kind;
      out.push(
        `<path class="marker marker-${kind}" d="${markerPath(kind, mx, y + 2)}" fill="#111827"><title>${escapeXml(truncate(words, 300))}</title></path>`,
      );
    }
    out.push("</g>");
  }

  if (legend) {
    const y = AXIS + rows.length * h + 10;
    out.push(`<g class="legend" role="list" aria-label="Legend">`);
    let lx = labelWidth;
    for (const state of SPAN_STATES) {
      const fill = state === "done" ? "#ffffff" : stateFill(state, prefix);
      out.push(
        `<g role="listitem"><rect x="${lx}" y="${y}" width="14" height="12" fill="${fill}" stroke="${STATE_STYLE[state].color}"/><text x="${lx + 18}" y="${y + 10}">${escapeXml(STATE_LABELS[state])}</text></g>`,
      );
      lx += 26 + STATE_LABELS[state].length * 6.5;
    }
    out.push(
      `<g role="listitem"><path d="${markerPath("print", lx + 4, y)}" fill="#111827"/><text x="${lx + 14}" y="${y + 10}">event (print, lock, wake-up...)</text></g>`,
    );
    out.push("</g>");
  }
  out.push("</svg>");
  return out.join("\n");
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}

/** A small triangle for prints and wake-ups, a diamond for locks and shared cells. */
function markerPath(kind: string, x: number, y: number): string {
  if (kind === "acquire" || kind === "release" || kind === "load" || kind === "store") {
    return `M${x},${y} l3,3 l-3,3 l-3,-3 z`;
  }
  return `M${x - 3},${y} h6 l-3,5 z`;
}
