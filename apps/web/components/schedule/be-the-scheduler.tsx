"use client";
/**
 * "Be the scheduler": the learner picks which thread runs at each preemption point, trying to
 * break the program by hand. Each pick reruns the program from the start in the browser's
 * sandbox with the choices so far replayed (virtual time makes that instant) and probes the
 * next choice point (probeChoicePoint in @interleave/timeline: one rerun per thread that could
 * run). The view shows the world at that point (each thread's position, shared values, locks,
 * output), what each candidate would do next, and what the program would end with if nobody
 * were preempted from here; it says when the schedule so far lost an update, deadlocked, or
 * changed the output. "Find one for me" searches for the schedule with the fewest choices
 * changed from the default that does (findBreakingSchedule) and shows where it ends.
 */
import type { RunResult } from "@interleave/scheduler";
import { type ChoicePoint, findBreakingSchedule, probeChoicePoint, runUntil } from "@interleave/timeline";
import { ReplayView, Timeline, WaitForGraph } from "@interleave/timeline/react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { formatVirtualTime } from "@/lib/run-view";
import { isCancelled, pageRunner } from "../program-runner";
import { PAPER } from "./paper";
import { findings } from "./verdict";

export interface BeTheSchedulerProps {
  /** The program to schedule by hand. */
  source: string;
  /** The seed of its runs (default: the sandbox's). */
  seed?: number | undefined;
}

interface Session {
  choices: number[];
  /** The run with these choices and no preemption after them. */
  result: RunResult;
  point: ChoicePoint | null;
  /** The run nobody preempted (choices []), to compare the output with. */
  baseline: RunResult;
  /** True once the learner chose to let the run finish. */
  finished: boolean;
  /** Set when the schedule was found automatically: how, in words. */
  found?: string | undefined;
}

/** Reruns the automatic search may take (each a whole run of the program). */
const SEARCH_RUNS = 200;

// Buttons are aria-disabled, never disabled, while a run goes on: a disabled button loses the
// keyboard focus, and a learner picking thread after thread should keep it where it is.
const BUTTON =
  "rounded-md px-3 py-1.5 text-sm font-medium aria-disabled:cursor-not-allowed aria-disabled:opacity-60 border border-slate-300 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800";
const PICK =
  "rounded-md border-2 border-blue-700 px-3 py-1.5 text-left text-sm hover:bg-blue-50 aria-disabled:cursor-wait aria-disabled:opacity-60 dark:border-blue-400 dark:hover:bg-slate-800";

/** Schedule a thread program by hand, one preemption point at a time. */
export function BeTheScheduler({ source, seed }: BeTheSchedulerProps) {
  const [session, setSession] = useState<Session | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);

  const runner = useCallback(
    (choices: readonly number[]) =>
      pageRunner().run(source, { seed, strategy: { kind: "replay", choices: [...choices] } }),
    [source, seed],
  );

  /** Probes the point after `choices` and makes it the session's state. */
  const go = useCallback(
    async (choices: number[], baseline: RunResult | null, search = false) => {
      const id = ++generation.current;
      setBusy(true);
      setError(null);
      try {
        if (search && baseline !== null) {
          const breaks = (r: RunResult) => findings(r, r, baseline).length > 0;
          const found = await findBreakingSchedule(runner, breaks, { maxRuns: SEARCH_RUNS });
          if (id !== generation.current) return;
          if (found === null) {
            setError(
              `No schedule with one or two choices changed from the default breaks the program (${SEARCH_RUNS} runs tried).`,
            );
            return;
          }
          const how =
            found.changes === 0
              ? "Found automatically: the default schedule, with no choice changed, already does."
              : `Found automatically in ${found.runs} runs: ${found.changes} choice${found.changes === 1 ? "" : "s"} changed from the default, [${found.choices.join(", ")}].`;
          setSession({
            choices: found.choices,
            result: found.result,
            point: null,
            baseline,
            finished: true,
            found: how,
          });
          return;
        }
        const { result, point } = await probeChoicePoint(runner, choices);
        if (id !== generation.current) return;
        setSession({ choices, result, point, baseline: baseline ?? result, finished: false });
      } catch (e) {
        if (id !== generation.current) return;
        setError(isCancelled(e) ? "The run was cancelled." : e instanceof Error ? e.message : String(e));
      } finally {
        if (id === generation.current) setBusy(false);
      }
    },
    [runner],
  );

  if (session === null) {
    return (
      <div className="space-y-2 text-sm">
        <p>
          Pick which thread runs at each preemption point, and try to break the program by hand. Each pick
          reruns the program from the start with your choices, in virtual time.
        </p>
        <button type="button" className={BUTTON} onClick={() => void go([], null)} disabled={busy}>
          {busy ? "Starting…" : "Start scheduling"}
        </button>
        {error && <p className="text-red-700 dark:text-red-300">{error}</p>}
      </div>
    );
  }
  return (
    <Scheduling
      session={session}
      busy={busy}
      error={error}
      onPick={(index) => void go([...session.choices, index], session.baseline)}
      onUndo={() => void go(session.choices.slice(0, -1), session.baseline)}
      onRestart={() => void go([], session.baseline)}
      onFinish={() => setSession({ ...session, finished: true, point: null })}
      onSearch={() => void go([], session.baseline, true)}
    />
  );
}

interface SchedulingProps {
  session: Session;
  busy: boolean;
  error: string | null;
  onPick: (index: number) => void;
  onUndo: () => void;
  onRestart: () => void;
  onFinish: () => void;
  onSearch: () => void;
}

function Scheduling({
  session,
  busy,
  error,
  onPick,
  onUndo,
  onRestart,
  onFinish,
  onSearch,
}: SchedulingProps) {
  const { result, point, choices, baseline } = session;
  /** A handler that does nothing while a run goes on (or when `off`). */
  const when =
    (f: () => void, off = false) =>
    () => {
      if (!busy && !off) f();
    };
  const ended = point === null;
  // The world at the choice point, or the whole run once it is over.
  const sofar = useMemo(() => (point === null ? result : runUntil(result, point.step + 1)), [result, point]);
  const found = useMemo(
    () => findings(sofar, ended ? result : null, baseline),
    [sofar, ended, result, baseline],
  );
  const ifNobody = result.output.map((l) => l.text).slice(-1)[0];
  // When the control that had the focus went away (Start, Finish), the status line takes it.
  const status = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (session && (document.activeElement === null || document.activeElement === document.body))
      status.current?.focus();
  }, [session]);

  return (
    <div className="space-y-3 text-sm" data-choices={choices.join(",")}>
      <p aria-live="polite" className="font-medium" data-scheduler-status ref={status} tabIndex={-1}>
        {busy
          ? "Running the program…"
          : ended
            ? `The program has ended after your ${choices.length} choice${choices.length === 1 ? "" : "s"} (${formatVirtualTime(result.time)} virtual): ${describeEnd(result)}.`
            : `Choice ${point.number + 1}: ${point.options.length}${point.truncated ? "+" : ""} threads can run. Who runs next?`}
      </p>
      {!ended && (
        <fieldset className="grid gap-2 sm:grid-cols-2">
          <legend className="sr-only">Who runs next?</legend>
          {point.options.map((o) => (
            <button
              key={o.index}
              type="button"
              className={PICK}
              aria-disabled={busy}
              onClick={when(() => onPick(o.index))}
            >
              <span className="block font-semibold">
                {o.label}
                {o.continues ? " (keeps running)" : ""}
              </span>
              <span className="block text-slate-700 dark:text-slate-300">Next: {o.next}</span>
            </button>
          ))}
        </fieldset>
      )}
      <div className="flex flex-wrap gap-2" role="toolbar" aria-label="Schedule">
        <button
          type="button"
          className={BUTTON}
          onClick={when(onUndo, choices.length === 0)}
          aria-disabled={busy || choices.length === 0}
        >
          Undo last choice
        </button>
        {!ended && (
          <button type="button" className={BUTTON} onClick={when(onFinish)} aria-disabled={busy}>
            Finish without switching
          </button>
        )}
        <button type="button" className={BUTTON} onClick={when(onRestart)} aria-disabled={busy}>
          Start over
        </button>
        <button type="button" className={BUTTON} onClick={when(onSearch)} aria-disabled={busy}>
          Find one for me
        </button>
      </div>
      {session.found && <p data-found-automatically>{session.found}</p>}
      {!ended && (
        <p className="text-slate-700 dark:text-slate-300">
          If nobody is preempted from here on, the program {describeEnd(result)}
          {ifNobody !== undefined ? `, and its last line is “${ifNobody}”` : ""}.
        </p>
      )}
      {error && <p className="text-red-700 dark:text-red-300">{error}</p>}
      {found.length > 0 && (
        <div role="alert" className="space-y-1 rounded-md border-2 border-red-700 p-2 dark:border-red-400">
          {found.map((f) => (
            <p key={f.kind} data-finding={f.kind}>
              <strong>{f.title}</strong> {f.text}
            </p>
          ))}
        </div>
      )}
      {ended && result.status === "deadlock" && result.deadlock !== null && (
        <div className={PAPER}>
          <WaitForGraph
            result={result}
            size={360}
            title="Wait-for graph of your schedule"
            idPrefix="wfg-sched"
          />
        </div>
      )}
      <p className="font-mono text-xs text-slate-600 dark:text-slate-400">
        Your choices: [{choices.join(", ")}]
      </p>
      <div className={PAPER}>
        <ReplayView
          result={sofar}
          step={sofar.trace.length - 1}
          title={ended ? "Your schedule, step by step" : "The program at this choice point"}
        />
      </div>
      <details className={PAPER}>
        <summary className="cursor-pointer font-medium">Timeline of your schedule so far</summary>
        <Timeline result={sofar} title="Timeline of your schedule" idPrefix="sched" height={200} />
      </details>
    </div>
  );
}

function describeEnd(result: RunResult): string {
  switch (result.status) {
    case "ok":
      return "finishes normally";
    case "deadlock":
      return "deadlocks";
    case "error":
      return `fails with ${result.error?.type ?? "an error"}`;
    default:
      return "is stopped by a limit";
  }
}
