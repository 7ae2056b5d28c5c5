import type { CheckView, GradeView } from "@/lib/run-view";

export type SubmitState =
  | { phase: "idle" }
  | { phase: "grading" }
  | { phase: "rejected"; message: string }
  | { phase: "graded"; results: GradeView; ms?: number | undefined };

const MARK = { pass: "✓", fail: "✗", error: "!" } as const;
const WORD = { pass: "passed", fail: "failed", error: "error" } as const;

export interface ResultsPanelProps {
  state: SubmitState;
  /** Replays a failed check's schedule in the browser (a button on each check that has one). */
  onReplay?: ((check: CheckView) => void) | undefined;
  /** True while a run is going on (the replay buttons wait). */
  replaying?: boolean | undefined;
}

/** The per-check results of a Submit: a region (a labelled section) named "Results". */
export function ResultsPanel({ state, onReplay, replaying = false }: ResultsPanelProps) {
  if (state.phase === "idle") return null;
  return (
    <section
      aria-label="Results"
      aria-live="polite"
      aria-busy={state.phase === "grading"}
      className="rounded-lg border border-slate-300 p-3 text-sm dark:border-slate-700"
    >
      {state.phase === "grading" && <p>Grading on the server…</p>}
      {state.phase === "rejected" && <p className="text-red-700 dark:text-red-300">{state.message}</p>}
      {state.phase === "graded" && (
        <Graded results={state.results} onReplay={onReplay} replaying={replaying} />
      )}
    </section>
  );
}

function Graded({ results, onReplay, replaying }: { results: GradeView } & Omit<ResultsPanelProps, "state">) {
  const passed = results.tests.filter((t) => t.status === "pass").length;
  const headline =
    results.status === "pass"
      ? `All ${results.tests.length} checks passed.`
      : results.status === "error"
        ? "Your program could not be graded."
        : `${passed} of ${results.tests.length} checks passed.`;
  return (
    <div className="space-y-3">
      <p
        data-grade-status={results.status}
        className={`font-semibold ${results.status === "pass" ? "text-green-800 dark:text-green-300" : "text-red-700 dark:text-red-300"}`}
      >
        {headline}
      </p>
      {results.message && <p className="whitespace-pre-wrap">{results.message}</p>}
      <ul className="space-y-2">
        {results.tests.map((check) => (
          <CheckItem key={check.name} check={check} onReplay={onReplay} replaying={replaying} />
        ))}
      </ul>
    </div>
  );
}

function CheckItem({ check, onReplay, replaying }: { check: CheckView } & Omit<ResultsPanelProps, "state">) {
  const ok = check.status === "pass";
  return (
    <li
      data-check-status={check.status}
      className="rounded-md border border-slate-200 p-2 dark:border-slate-800"
    >
      <p className="flex gap-2">
        <span
          aria-hidden="true"
          className={ok ? "text-green-700 dark:text-green-400" : "text-red-700 dark:text-red-400"}
        >
          {MARK[check.status]}
        </span>
        <span className="font-medium">{check.name}</span>
        <span className="sr-only">: {WORD[check.status]}</span>
      </p>
      {!ok && check.message && <p className="mt-1 whitespace-pre-wrap pl-6">{check.message}</p>}
      {!ok && check.replay && (
        <div className="mt-1 pl-6 font-mono text-xs text-slate-600 dark:text-slate-400">
          <p>
            Failing schedule: seed {check.replay.seed}
            {check.replay.strategy ? `, strategy ${check.replay.strategy}` : ""}
            {check.replay.choices ? `, ${check.replay.choices.length} choices` : ""}
          </p>
          {check.replay.choices && check.replay.choices.length > 0 && (
            // The choices are for reproducing the schedule exactly; most students replay it instead.
            <details>
              <summary className="cursor-pointer">The choices</summary>
              <p className="break-words">[{check.replay.choices.join(", ")}]</p>
            </details>
          )}
        </div>
      )}
      {!ok && check.replay && onReplay && (
        <p className="mt-1 pl-6">
          <button
            type="button"
            className="rounded-md border border-slate-300 px-2 py-1 text-xs font-medium hover:bg-slate-100 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-800"
            onClick={() => onReplay(check)}
            disabled={replaying}
          >
            Replay this schedule
          </button>{" "}
          <span className="text-xs text-slate-600 dark:text-slate-400">
            runs your submitted code again here with this schedule and shows its timeline
          </span>
        </p>
      )}
      {!ok && check.output && (
        <details className="mt-1 pl-6">
          <summary className="cursor-pointer text-slate-600 dark:text-slate-400">Output</summary>
          <pre className="mt-1 overflow-auto font-mono text-xs whitespace-pre-wrap">{check.output}</pre>
        </details>
      )}
    </li>
  );
}
