/** The timeline's data: lanes of spans and markers over virtual time, built by toLanes(). */

/** What an actor (task, thread, process) is doing over a span of the run. */
export type SpanState = "running" | "ready" | "sleeping" | "blocked" | "io" | "done";

/** Every state, in the order legends list them. */
export const SPAN_STATES: readonly SpanState[] = ["running", "ready", "sleeping", "blocked", "io", "done"];

/** Words for each state, for legends and labels. */
export const STATE_LABELS: Readonly<Record<SpanState, string>> = {
  running: "running",
  ready: "ready",
  sleeping: "sleeping",
  blocked: "blocked",
  io: "waiting for I/O",
  done: "done",
};

/** A point of virtual time and of the trace: `seq` is the index of the event that starts (or ends) it. */
export interface At {
  /** Virtual seconds. */
  time: number;
  /** Trace index; the run's end is trace.length. */
  seq: number;
}

/** One state held from `start` until `end` (the event that changed it). */
export interface Span {
  state: SpanState;
  start: At;
  end: At;
  /** What it waits on, which core it runs on, who holds the GIL ... */
  detail?: string;
}

/** Kinds of markers drawn on a lane. */
export type MarkerKind =
  | "print"
  | "acquire"
  | "release"
  | "wake"
  | "load"
  | "store"
  | "cancel"
  | "spawn"
  | "exit"
  | "put"
  | "get";

/** A moment on a lane: a print, a lock taken or let go, a wake-up, a shared cell read or written. */
export interface Marker {
  kind: MarkerKind;
  at: At;
  text: string;
}

/** What a lane stands for. */
export type LaneKind = "task" | "thread" | "process" | "core" | "gil" | "more";

/** One row of the timeline. */
export interface Lane {
  /** Stable id: `task:Task-2`, `thread:2`, `process:1001`, `core:0`, `gil:1000`, `more`. */
  id: string;
  kind: LaneKind;
  /** The name shown: Task-2, Thread-1 (worker), Process-1, core 0, GIL of MainProcess ... */
  label: string;
  /** What it runs (`handle_client()`), when known. */
  subtitle?: string;
  /** The process it belongs to (its group), or "" for machine lanes (cores). */
  group: string;
  /** Indentation: 0 machine and process lanes, 1 threads, 2 tasks of a thread's event loop. */
  depth: number;
  spans: Span[];
  markers: Marker[];
  /** Trace indices of the events this lane was built from, ascending (for "show its events"). */
  events: number[];
}

/** A run drawn as lanes. */
export interface Lanes {
  lanes: Lane[];
  /** Lanes beyond the cap, summarised in one lane ("N more"), or null. */
  more: { count: number; lane: Lane } | null;
  /** The run's end. */
  end: At;
  /** The axis that shows this run best: "events" when virtual time never moved. */
  scale: Scale;
  /** One sentence saying what the run was, for titles and descriptions. */
  summary: string;
}

/** What the horizontal axis measures: virtual seconds, or trace events (one step each). */
export type Scale = "time" | "events";
