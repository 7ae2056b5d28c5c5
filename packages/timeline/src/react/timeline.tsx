"use client";
/**
 * <Timeline result={...} />: the run's lanes over virtual time, zoomable and pannable (buttons,
 * ctrl+wheel to zoom, shift+wheel or drag to pan, keys + - ← → 0 when focused), with a legend,
 * and the events of a span listed when it is hovered or focused. Rows are virtualised: only the
 * lanes in view are drawn, and each lane costs at most one rectangle per pixel (layoutSpans),
 * so a run of 1,000 tasks draws as fast as one of 30. No React component per event.
 */
import type { RunResult } from "@interleave/scheduler";
import {
  type KeyboardEvent,
  type PointerEvent,
  type ReactElement,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type WheelEvent,
} from "react";
import { describeEvent } from "../describe";
import { toLanes } from "../lanes";
import {
  formatCoordinate,
  fullWindow,
  layoutMarkers,
  layoutSpans,
  STATE_STYLE,
  stateFill,
  ticks,
  type Window,
} from "../layout";
import { type Lane, type Scale, SPAN_STATES, STATE_LABELS } from "../model";
import { describeSpan, markerLabel } from "../words";

/** Props of <Timeline>. */
export interface TimelineProps {
  result: RunResult;
  /** Accessible name of the view (default "Timeline of the run"). */
  title?: string;
  /** Lanes drawn before the rest are summarised as "N more" (default 200). */
  maxLanes?: number;
  /** The axis (default: the lanes' suggestion, "events" when virtual time never moved). */
  scale?: Scale;
  /** Width in pixels before the container is measured (default 960). */
  width?: number;
  /** Height of the scrolling lane area in pixels (default: all lanes, at most 480). */
  height?: number;
  /** Height of one lane (default 22). */
  laneHeight?: number;
  /** Called with a trace index when the learner picks an event of a span (e.g. to replay to it). */
  onSelectEvent?: (seq: number) => void;
  /** Prefix of SVG ids, to keep several timelines on one page apart (default "tlr"). */
  idPrefix?: string;
}

interface Selection {
  lane: Lane;
  spans: number[];
}

const LABEL = 180;
const AXIS = 22;
const ZOOM = 1.6;

/** The run's timeline: lanes, legend, zoom and pan, and the events of the span in focus. */
export function Timeline(props: TimelineProps): ReactElement {
  const {
    result,
    title = "Timeline of the run",
    maxLanes = 200,
    laneHeight: h = 22,
    idPrefix = "tlr",
  } = props;
  const [showAll, setShowAll] = useState(false);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const lanes = useMemo(
    () => toLanes(result, { maxLanes: showAll ? Number.POSITIVE_INFINITY : maxLanes }),
    [result, maxLanes, showAll],
  );
  // A collapsed process keeps its summary lane and hides its GIL, threads and tasks.
  const rows = useMemo(() => {
    const all = lanes.more === null ? lanes.lanes : [...lanes.lanes, lanes.more.lane];
    return all.filter((l) => l.kind === "process" || l.kind === "core" || !collapsed.has(l.group));
  }, [lanes, collapsed]);
  const processes = useMemo(
    () => lanes.lanes.filter((l) => l.kind === "process").map((l) => l.group),
    [lanes],
  );
  const toggle = (group: string) =>
    setCollapsed((c) => {
      const next = new Set(c);
      if (!next.delete(group)) next.add(group);
      return next;
    });
  const [scale, setScale] = useState<Scale>(props.scale ?? lanes.scale);
  const full = useMemo(() => fullWindow(lanes, scale), [lanes, scale]);
  const [window, setWindow] = useState<Window>(full);
  const [width, setWidth] = useState(props.width ?? 960);
  const [scrollTop, setScrollTop] = useState(0);
  const [selected, setSelected] = useState<Selection | null>(null);
  const box = useRef<HTMLElement>(null);
  const drag = useRef<{ x: number; window: Window } | null>(null);

  useEffect(() => setWindow(full), [full]);
  // A new run starts on its own suggested axis, with nothing selected.
  useEffect(() => {
    setScale(props.scale ?? lanes.scale);
    setSelected(null);
  }, [lanes, props.scale]);
  useEffect(() => {
    const el = box.current;
    if (el === null || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => setWidth(Math.max(320, el.clientWidth)));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const track = Math.max(40, width - LABEL - 8);
  const viewHeight = props.height ?? Math.min(rows.length * h, 480);
  const first = Math.max(0, Math.floor(scrollTop / h) - 2);
  const last = Math.min(rows.length, Math.ceil((scrollTop + viewHeight) / h) + 2);

  const clamp = useCallback(
    (from: number, to: number): Window => {
      const span = Math.min(full.to - full.from, Math.max(to - from, scale === "events" ? 4 : 1e-6));
      const start = Math.min(Math.max(full.from, from), full.to - span);
      return { scale, from: start, to: start + span };
    },
    [full, scale],
  );
  const zoom = useCallback(
    (factor: number, at = 0.5) =>
      setWindow((w) => {
        const span = (w.to - w.from) / factor;
        const centre = w.from + (w.to - w.from) * at;
        return clamp(centre - span * at, centre + span * (1 - at));
      }),
    [clamp],
  );
  const pan = useCallback(
    (fraction: number) =>
      setWindow((w) => {
        const d = (w.to - w.from) * fraction;
        return clamp(w.from + d, w.to + d);
      }),
    [clamp],
  );

  // Keys reach the view from whatever inside it has focus (a span, a button).
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    switch (e.key) {
      case "+":
      case "=":
        zoom(ZOOM);
        break;
      case "-":
        zoom(1 / ZOOM);
        break;
      case "ArrowLeft":
        pan(-0.2);
        break;
      case "ArrowRight":
        pan(0.2);
        break;
      case "0":
        setWindow(full);
        break;
      default:
        return;
    }
    e.preventDefault();
  };
  const onWheel = (e: WheelEvent<SVGSVGElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const at = Math.min(1, Math.max(0, (e.clientX - rect.left - LABEL) / track));
    if (e.ctrlKey || e.metaKey) zoom(e.deltaY < 0 ? ZOOM : 1 / ZOOM, at);
    else if (e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY))
      pan(((e.deltaX || e.deltaY) / track) * 1.5);
  };
  const onPointerDown = (e: PointerEvent<SVGSVGElement>) => {
    drag.current = { x: e.clientX, window };
    e.currentTarget.setPointerCapture?.(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    const d = drag.current;
    if (d === null) return;
    const shift = ((d.x - e.clientX) / track) * (d.window.to - d.window.from);
    setWindow(clamp(d.window.from + shift, d.window.to + shift));
  };
  const onPointerUp = () => {
    drag.current = null;
  };

  const x = (v: number) => LABEL + ((v - window.from) / (window.to - window.from)) * track;
  const visible = rows.slice(first, last);
  const events = selected === null ? [] : spanEvents(selected, result);

  return (
    <section
      ref={box}
      className="interleave-timeline"
      aria-label={title}
      aria-roledescription="timeline"
      onKeyDown={onKeyDown}
      style={{ fontFamily: "system-ui, sans-serif", fontSize: 12 }}
    >
      <p style={{ margin: "0 0 4px" }}>{lanes.summary}</p>
      <div
        role="toolbar"
        aria-label="Zoom and pan"
        style={{ display: "flex", gap: 4, flexWrap: "wrap", marginBottom: 4 }}
      >
        <button type="button" onClick={() => zoom(ZOOM)} aria-keyshortcuts="+">
          Zoom in
        </button>
        <button type="button" onClick={() => zoom(1 / ZOOM)} aria-keyshortcuts="-">
          Zoom out
        </button>
        <button type="button" onClick={() => pan(-0.2)} aria-keyshortcuts="ArrowLeft">
          ← Earlier
        </button>
        <button type="button" onClick={() => pan(0.2)} aria-keyshortcuts="ArrowRight">
          Later →
        </button>
        <button type="button" onClick={() => setWindow(full)} aria-keyshortcuts="0">
          Whole run
        </button>
        <button
          type="button"
          aria-pressed={scale === "events"}
          onClick={() => setScale((s) => (s === "time" ? "events" : "time"))}
        >
          Axis: {scale === "time" ? "virtual time" : "event order"}
        </button>
        {(lanes.more !== null || showAll) && (
          <button type="button" aria-pressed={showAll} onClick={() => setShowAll((v) => !v)}>
            {showAll
              ? `Summarise lanes after ${maxLanes}`
              : `Show all ${lanes.lanes.length + lanes.more!.count} lanes`}
          </button>
        )}
        {processes.map((group) => (
          <button
            key={group}
            type="button"
            aria-expanded={!collapsed.has(group)}
            onClick={() => toggle(group)}
          >
            {collapsed.has(group) ? "▸" : "▾"} {group}
          </button>
        ))}
      </div>
      <svg width={width} height={AXIS} aria-hidden="true" style={{ display: "block" }}>
        {ticks(window).map((t) => (
          <text key={t} x={x(t)} y={AXIS - 6} textAnchor="middle" fill="#374151" fontSize={11}>
            {formatCoordinate(t, scale)}
          </text>
        ))}
      </svg>
      <div
        style={{ height: viewHeight, overflowY: "auto", position: "relative" }}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      >
        <div style={{ height: rows.length * h, position: "relative" }}>
          {/* biome-ignore lint/a11y/useSemanticElements: SVG has no <fieldset>; the group names the lanes in view. */}
          <svg
            width={width}
            height={(last - first) * h}
            style={{ position: "absolute", top: first * h, left: 0, touchAction: "none", cursor: "grab" }}
            onWheel={onWheel}
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={onPointerUp}
            onPointerCancel={onPointerUp}
            role="group"
            aria-label={`Lanes ${first + 1} to ${last} of ${rows.length}`}
          >
            <Patterns prefix={idPrefix} />
            {ticks(window).map((t) => (
              <line key={t} x1={x(t)} x2={x(t)} y1={0} y2={(last - first) * h} stroke="#e5e7eb" />
            ))}
            {visible.map((lane, i) => (
              <LaneRow
                key={lane.id}
                lane={lane}
                y={i * h}
                h={h}
                window={window}
                track={track}
                prefix={idPrefix}
                onSelect={setSelected}
              />
            ))}
          </svg>
        </div>
      </div>
      <Legend prefix={idPrefix} />
      <div aria-live="polite" className="interleave-timeline-details" style={{ minHeight: 40, marginTop: 4 }}>
        {selected === null ? (
          <p style={{ margin: 0, color: "#4b5563" }}>Hover or focus a span to see its events.</p>
        ) : (
          <>
            <p style={{ margin: 0, fontWeight: 600 }}>
              {selected.spans
                .map((i) => describeSpan(selected.lane, selected.lane.spans[i]!, scale))
                .join("; ")}
            </p>
            <ol start={1} style={{ margin: "2px 0", paddingLeft: 20, maxHeight: 160, overflowY: "auto" }}>
              {events.slice(0, 50).map((seq) => (
                <li key={seq}>
                  {props.onSelectEvent ? (
                    <button type="button" onClick={() => props.onSelectEvent?.(seq)}>
                      {describeEvent(result.trace[seq]!, selected.lane.label)}
                    </button>
                  ) : (
                    describeEvent(result.trace[seq]!, selected.lane.label)
                  )}
                </li>
              ))}
              {events.length > 50 && <li>and {events.length - 50} more events</li>}
            </ol>
          </>
        )}
      </div>
    </section>
  );
}

/** Trace indices of the lane's events inside the selected spans (from the start to the end event). */
function spanEvents(selection: Selection, result: RunResult): number[] {
  const spans = selection.spans.map((i) => selection.lane.spans[i]!);
  const from = spans[0]!.start.seq;
  const to = spans[spans.length - 1]!.end.seq;
  const own = selection.lane.events.filter((seq) => seq >= from && seq <= to && seq < result.trace.length);
  return own.length > 0 ? own : [from].filter((seq) => seq < result.trace.length);
}

interface LaneRowProps {
  lane: Lane;
  y: number;
  h: number;
  window: Window;
  track: number;
  prefix: string;
  onSelect: (s: Selection) => void;
}

function LaneRow({ lane, y, h, window, track, prefix, onSelect }: LaneRowProps): ReactElement {
  const rects = layoutSpans(lane, window, track);
  const marks = layoutMarkers(lane, window, track);
  const name = lane.subtitle ? `${lane.label} (${lane.subtitle})` : lane.label;
  return (
    // biome-ignore lint/a11y/useSemanticElements: SVG has no <fieldset>; a named group is the lane.
    // biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: an SVG <g> is not interactive.
    <g role="group" aria-label={name} data-lane={lane.id}>
      <text
        x={4 + lane.depth * 10}
        y={y + h / 2 + 4}
        fontSize={11}
        fill="#111827"
        fontWeight={lane.kind === "thread" || lane.kind === "process" ? 600 : 400}
      >
        <title>{name}</title>
        {lane.label.length > 24 ? `${lane.label.slice(0, 23)}…` : lane.label}
      </text>
      {rects.map((r) => {
        const spans = r.spans;
        const words =
          spans.length === 1
            ? describeSpan(lane, lane.spans[spans[0]!]!, window.scale)
            : `${lane.label}: ${spans.length} short states, busiest ${STATE_LABELS[r.state]}`;
        const select = () => onSelect({ lane, spans });
        const done = r.state === "done";
        return (
          // biome-ignore lint/a11y/useSemanticElements: an SVG shape cannot be a <button>; it gets button's role and keys.
          <rect
            key={spans[0]}
            className={`span span-${r.state}`}
            x={LABEL + r.x}
            y={done ? y + h / 2 - 1 : y + 4}
            width={r.w}
            height={done ? 2 : h - 8}
            fill={done ? STATE_STYLE.done.color : stateFill(r.state, prefix)}
            stroke={r.state === "running" || done ? undefined : STATE_STYLE[r.state].color}
            strokeWidth={0.5}
            tabIndex={0}
            role="button"
            aria-label={words}
            onFocus={select}
            onMouseEnter={select}
            onKeyDown={(e) => {
              if (e.key === "Enter" || e.key === " ") select();
            }}
          />
        );
      })}
      {marks.map((m) => (
        <path
          key={`m${m.x}`}
          d={`M${LABEL + m.x - 3},${y + 2} h6 l-3,5 z`}
          fill="#111827"
          className={`marker marker-${m.markers[0]!.kind}`}
        >
          <title>{m.markers.map(markerLabel).join("; ").slice(0, 300)}</title>
        </path>
      ))}
    </g>
  );
}

/** The states' swatches and names. */
export function Legend({ prefix = "tlr" }: { prefix?: string }): ReactElement {
  return (
    <ul
      aria-label="Legend"
      style={{ display: "flex", gap: 12, listStyle: "none", padding: 0, margin: "4px 0", flexWrap: "wrap" }}
    >
      <li aria-hidden="true" style={{ width: 0, height: 0, overflow: "hidden" }}>
        <svg width={0} height={0} aria-hidden="true">
          <Patterns prefix={`${prefix}-legend`} />
        </svg>
      </li>
      {SPAN_STATES.map((state) => (
        <li key={state} style={{ display: "flex", alignItems: "center", gap: 4 }}>
          <svg width={14} height={12} aria-hidden="true">
            <rect
              width={14}
              height={12}
              fill={state === "done" ? "#ffffff" : stateFill(state, `${prefix}-legend`)}
              stroke={STATE_STYLE[state].color}
            />
          </svg>
          {STATE_LABELS[state]}
        </li>
      ))}
      <li style={{ display: "flex", alignItems: "center", gap: 4 }}>
        <svg width={10} height={8} aria-hidden="true">
          <path d="M2,1 h6 l-3,5 z" fill="#111827" />
        </svg>
        event (print, lock, wake-up, read, write)
      </li>
    </ul>
  );
}

/** The states' fill patterns (see patternDefs for the SVG-string twin), ids `${prefix}-${state}`. */
function Patterns({ prefix }: { prefix: string }): ReactElement {
  const c = STATE_STYLE;
  return (
    <defs>
      <pattern id={`${prefix}-ready`} patternUnits="userSpaceOnUse" width={6} height={6}>
        <rect width={6} height={6} fill="#fef3c7" />
        <path d="M0,6 L6,0" stroke={c.ready.color} strokeWidth={1.5} />
      </pattern>
      <pattern id={`${prefix}-sleeping`} patternUnits="userSpaceOnUse" width={6} height={6}>
        <rect width={6} height={6} fill="#f3f4f6" />
        <circle cx={3} cy={3} r={1.2} fill={c.sleeping.color} />
      </pattern>
      <pattern id={`${prefix}-blocked`} patternUnits="userSpaceOnUse" width={6} height={6}>
        <rect width={6} height={6} fill="#fee2e2" />
        <path d="M0,0 L6,6 M6,0 L0,6" stroke={c.blocked.color} strokeWidth={1.2} />
      </pattern>
      <pattern id={`${prefix}-io`} patternUnits="userSpaceOnUse" width={6} height={6}>
        <rect width={6} height={6} fill="#ccfbf1" />
        <path d="M0,3 L6,3" stroke={c.io.color} strokeWidth={1.5} />
      </pattern>
    </defs>
  );
}
