/** Spans and markers in words, for titles, aria-labels and tooltips. */
import { type Lane, type Marker, type Scale, type Span, STATE_LABELS } from "./model";

function seconds(t: number): string {
  return `${Number(t.toPrecision(6))} s`;
}

/** "Task-2: sleeping from 0 s to 1 s (sleep(1))"; on the events axis it adds the event numbers. */
export function describeSpan(lane: Lane, span: Span, scale: Scale = "time"): string {
  const when =
    span.start.time === span.end.time
      ? `at ${seconds(span.start.time)}`
      : `from ${seconds(span.start.time)} to ${seconds(span.end.time)}`;
  const events = scale === "events" ? `, events ${span.start.seq} to ${span.end.seq}` : "";
  const detail = span.detail === undefined ? "" : ` (${span.detail})`;
  return `${lane.label}: ${STATE_LABELS[span.state]} ${when}${events}${detail}`;
}

const VERBS: Record<Marker["kind"], string> = {
  print: "prints",
  acquire: "takes",
  release: "releases",
  wake: "woken by",
  load: "reads",
  store: "writes",
  cancel: "cancelled",
  spawn: "started",
  exit: "finished:",
  put: "puts",
  get: "gets",
};

/** "prints client 1 connected at 0 s". */
export function markerLabel(m: Marker): string {
  return `${VERBS[m.kind]} ${m.text} at ${seconds(m.at.time)}`;
}

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
