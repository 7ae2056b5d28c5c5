import type { RunResult } from "@interleave/scheduler";
import { describeStatus, formatVirtualTime, type RunView, speaker } from "@/lib/run-view";
import type { ScheduleOptions } from "./program-runner";

export type RunState =
  | { phase: "idle" }
  | { phase: "running" }
  | { phase: "cancelled" }
  | { phase: "failed"; message: string }
  | {
      phase: "done";
      /** The whole run result (the timeline and replay read its trace). */
      result: RunResult;
      /** The program that ran, and the schedule it ran with, so views can run it again. */
      source?: string | undefined;
      schedule?: ScheduleOptions | undefined;
      wallMs?: number | undefined;
      seq?: number | undefined;
    };

/** The compact output of a run: printed lines with their virtual time, status, warnings, error. */
export function RunOutput({ state, label = "Output" }: { state: RunState; label?: string }) {
  if (state.phase === "idle") return null;
  return (
    <section
      aria-label={label}
      aria-live="polite"
      data-run-seq={state.phase === "done" ? state.seq : undefined}
      className="rounded-lg border border-slate-300 bg-slate-50 text-sm dark:border-slate-700 dark:bg-slate-900"
    >
      <RunHeader state={state} />
      {state.phase === "done" && <RunBody result={state.result} />}
    </section>
  );
}

function RunHeader({ state }: { state: RunState }) {
  let text: string;
  let tone = "text-slate-700 dark:text-slate-300";
  switch (state.phase) {
    case "running":
      text = "Running…";
      break;
    case "cancelled":
      text = "Cancelled";
      tone = "text-amber-800 dark:text-amber-300";
      break;
    case "failed":
      text = `Could not run: ${state.message}`;
      tone = "text-red-700 dark:text-red-300";
      break;
    case "done": {
      const { result } = state;
      text = `${describeStatus(result.status)} at ${formatVirtualTime(result.time)} virtual`;
      tone = result.status === "ok" ? "text-green-800 dark:text-green-300" : "text-red-700 dark:text-red-300";
      break;
    }
    default:
      return null;
  }
  return (
    <p
      className={`border-b border-slate-200 px-3 py-1.5 font-medium dark:border-slate-700 ${tone}`}
      data-run-status
    >
      {text}
    </p>
  );
}

/** A printed line; off-screen ones skip layout and paint (content-visibility). */
const LINE = "flex gap-3 whitespace-pre-wrap [contain-intrinsic-size:auto_20px] [content-visibility:auto]";

function RunBody({ result }: { result: RunView }) {
  return (
    <div className="space-y-2 p-3">
      {result.output.length > 0 ? (
        <ol className="max-h-80 overflow-auto font-mono text-[13px] leading-5" aria-label="Printed lines">
          {result.output.map((line, index) => (
            // Lines never reorder; the index is their identity.
            // biome-ignore lint/suspicious/noArrayIndexKey: append-only list
            <li key={index} className={LINE}>
              <span className="shrink-0 text-slate-500 tabular-nums dark:text-slate-400">
                {formatVirtualTime(line.time)}
              </span>
              <span className="shrink-0 text-slate-500 dark:text-slate-400">{speaker(line)}</span>
              <span className="min-w-0 break-words">{line.text}</span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="text-slate-600 dark:text-slate-400">Nothing was printed.</p>
      )}
      {result.error && (
        <p className="font-mono text-[13px] text-red-700 dark:text-red-300">
          {result.error.type}: {result.error.message}
          {result.error.where ? ` (line ${result.error.where})` : ""}
        </p>
      )}
      {result.deadlock && result.deadlock.waiting.length > 0 && (
        <ul className="list-disc pl-5 text-red-700 dark:text-red-300" aria-label="Waiting tasks">
          {result.deadlock.waiting.map((w) => (
            <li key={w.task}>
              {w.task} ({w.coro}) waits on {w.waitsOn}
            </li>
          ))}
        </ul>
      )}
      {result.warnings.length > 0 && (
        <ul className="space-y-1" aria-label="Warnings">
          {result.warnings.map((w, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: append-only list
            <li key={index} className="text-amber-800 dark:text-amber-300">
              <span className="font-semibold">Warning</span> at {formatVirtualTime(w.time)}: {w.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
