/**
 * Summarises many lanes as one: at each moment the lane shows the most active state any of
 * them is in (running, then ready, I/O, blocked, sleeping, done), with how many were in it at
 * most. Used for a process's threads and for the lanes beyond the cap ("N more").
 */
import type { At, Lane, LaneKind, SpanState } from "./model";

const RANK: readonly SpanState[] = ["running", "ready", "io", "blocked", "sleeping", "done"];

interface Edge {
  at: At;
  rank: number;
  delta: number;
}

/** One lane whose spans say what the busiest of `lanes` was doing. */
export function aggregateLane(
  lanes: readonly Lane[],
  id: string,
  kind: LaneKind,
  label: string,
  end: At,
): Lane {
  const edges: Edge[] = [];
  const events: number[] = [];
  for (const lane of lanes) {
    for (const span of lane.spans) {
      const rank = RANK.indexOf(span.state);
      edges.push({ at: span.start, rank, delta: 1 }, { at: span.end, rank, delta: -1 });
    }
  }
  edges.sort((a, b) => a.at.seq - b.at.seq || a.at.time - b.at.time);
  const counts = new Array<number>(RANK.length).fill(0);
  const out: Lane = { id, kind, label, group: "", depth: 0, spans: [], markers: [], events };
  let current = -1;
  let since: At = { time: 0, seq: 0 };
  let most = 0;
  const flush = (when: At) => {
    if (current >= 0 && (when.seq > since.seq || when.time > since.time)) {
      const state = RANK[current]!;
      out.spans.push({ state, start: since, end: when, detail: `up to ${most} ${state}` });
    }
  };
  for (let i = 0; i < edges.length; ) {
    const when = edges[i]!.at;
    while (i < edges.length && edges[i]!.at.seq === when.seq && edges[i]!.at.time === when.time) {
      counts[edges[i]!.rank]! += edges[i]!.delta;
      i++;
    }
    const best = counts.findIndex((n) => n > 0);
    if (best !== current) {
      flush(when);
      current = best;
      since = when;
      most = best >= 0 ? counts[best]! : 0;
    } else if (best >= 0) most = Math.max(most, counts[best]!);
  }
  flush(end);
  return out;
}
