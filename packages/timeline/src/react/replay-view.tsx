"use client";
/**
 * <ReplayView result={...} />: step through a run one event at a time (first, back, forward,
 * last, a slider; arrow keys on the slider), with the current event in words, each thread's or
 * task's status and position, the shared cells (and the reads a write is about to overwrite),
 * lock holders and waiters, queues, and what was printed so far. `onStepChange` gives the
 * host the state, e.g. to highlight a source line in the editor.
 */
import type { RunResult } from "@interleave/scheduler";
import { type ReactElement, useEffect, useMemo, useState } from "react";
import { STATE_LABELS } from "../model";
import { Replay, type ReplayState } from "../replay";

/** Props of <ReplayView>. */
export interface ReplayViewProps {
  result: RunResult;
  /** Accessible name of the view (default "Step-by-step replay"). */
  title?: string;
  /** The step shown first (-1: before the first event; default -1). */
  initialStep?: number;
  /** Jumps to this step whenever it changes (e.g. to an event picked on the timeline); the controls still move on from there. */
  step?: number;
  /** Called with the new state whenever the step changes. */
  onStepChange?: (state: ReplayState) => void;
}

const cell = { padding: "2px 8px", textAlign: "left" as const, borderBottom: "1px solid #e5e7eb" };

/** Step forward and back through a run, event by event. */
export function ReplayView(props: ReplayViewProps): ReactElement {
  const { result, title = "Step-by-step replay", onStepChange } = props;
  const replay = useMemo(() => new Replay(result), [result]);
  const [own, setOwn] = useState(props.step ?? props.initialStep ?? -1);
  useEffect(() => {
    if (props.step !== undefined) setOwn(props.step);
  }, [props.step]);
  const step = Math.max(-1, Math.min(replay.total - 1, own));
  const state = useMemo(() => replay.at(step), [replay, step]);
  useEffect(() => {
    onStepChange?.(state);
  }, [state, onStepChange]);
  const go = (k: number) => setOwn(Math.max(-1, Math.min(replay.total - 1, k)));
  const last = replay.total - 1;

  return (
    <section
      className="interleave-replay"
      aria-label={title}
      style={{ fontFamily: "system-ui, sans-serif", fontSize: 13 }}
    >
      <div
        role="toolbar"
        aria-label="Replay controls"
        style={{ display: "flex", gap: 4, alignItems: "center", flexWrap: "wrap" }}
      >
        <button type="button" onClick={() => go(-1)} disabled={step <= -1}>
          « First
        </button>
        <button type="button" onClick={() => go(step - 1)} disabled={step <= -1}>
          ◀ Back
        </button>
        <button type="button" onClick={() => go(step + 1)} disabled={step >= last}>
          Forward ▶
        </button>
        <button type="button" onClick={() => go(last)} disabled={step >= last}>
          Last »
        </button>
        <input
          type="range"
          min={-1}
          max={last}
          value={step}
          onChange={(e) => go(Number(e.currentTarget.value))}
          aria-label="Step"
          aria-valuetext={`Step ${step + 1} of ${replay.total}`}
          style={{ flex: "1 1 200px" }}
        />
        <span>
          Step {step + 1} of {replay.total} · {Number(state.time.toPrecision(6))} s
        </span>
      </div>
      <p aria-live="polite" className="interleave-replay-event" style={{ fontWeight: 600, margin: "6px 0" }}>
        {state.description}
      </p>
      <table style={{ borderCollapse: "collapse", width: "100%" }}>
        <caption style={{ textAlign: "left", fontWeight: 600 }}>Threads and tasks</caption>
        <thead>
          <tr>
            <th style={cell}>Name</th>
            <th style={cell}>State</th>
            <th style={cell}>Where</th>
            <th style={cell}>Holds</th>
          </tr>
        </thead>
        <tbody>
          {state.actors.map((a) => (
            <tr
              key={a.id}
              data-actor={a.id}
              aria-current={state.event !== null && isActor(state, a.id) ? "step" : undefined}
            >
              <td style={cell}>{a.label}</td>
              <td style={cell}>
                {STATE_LABELS[a.status]}
                {a.waitsOn ? ` (${a.waitsOn})` : ""}
              </td>
              <td style={cell}>
                {a.position}
                {a.line !== undefined ? ` (line ${a.line})` : ""}
              </td>
              <td style={cell}>{a.holds.join(", ")}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {state.cells.length > 0 && (
        <table style={{ borderCollapse: "collapse", width: "100%", marginTop: 8 }}>
          <caption style={{ textAlign: "left", fontWeight: 600 }}>Shared values</caption>
          <thead>
            <tr>
              <th style={cell}>Name</th>
              <th style={cell}>Value</th>
              <th style={cell}>Last written by</th>
              <th style={cell}>Read an older value</th>
            </tr>
          </thead>
          <tbody>
            {state.cells.map((c) => (
              <tr key={c.name}>
                <td style={cell}>{c.name}</td>
                <td style={cell}>{c.value}</td>
                <td style={cell}>{c.writer ?? "nobody yet"}</td>
                <td style={cell}>
                  {c.stale.length === 0 ? "" : `${c.stale.join(", ")}: writing back will lose an update`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {state.locks.length > 0 && (
        <table style={{ borderCollapse: "collapse", width: "100%", marginTop: 8 }}>
          <caption style={{ textAlign: "left", fontWeight: 600 }}>Locks</caption>
          <thead>
            <tr>
              <th style={cell}>Lock</th>
              <th style={cell}>Held by</th>
              <th style={cell}>Waiting</th>
            </tr>
          </thead>
          <tbody>
            {state.locks.map((l) => (
              <tr key={l.name}>
                <td style={cell}>{l.name}</td>
                <td style={cell}>{l.holder ?? "free"}</td>
                <td style={cell}>{l.waiters.join(", ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {state.queues.length > 0 && (
        <ul aria-label="Queues">
          {state.queues.map((q) => (
            <li key={q.name}>
              {q.name}: {q.items.length > 0 ? `[${q.items.join(", ")}]` : "no items known"}
              {q.waiters.length > 0 ? `; waiting: ${q.waiters.join(", ")}` : ""}
            </li>
          ))}
        </ul>
      )}
      <div style={{ marginTop: 8 }}>
        <strong>Printed so far</strong>
        <pre
          style={{ margin: "2px 0", maxHeight: 120, overflowY: "auto", background: "#f9fafb", padding: 4 }}
        >
          {state.printed.length === 0 ? "(nothing yet)" : state.printed.slice(-200).join("\n")}
        </pre>
      </div>
    </section>
  );
}

function isActor(state: ReplayState, id: string): boolean {
  const e = state.event;
  if (e === null) return false;
  const a = state.actors.find((x) => x.id === id);
  return (
    a !== undefined &&
    (a.label === e.task ||
      a.label === e.thread ||
      (e.thread === undefined && e.task === null && a.label === "MainThread"))
  );
}
