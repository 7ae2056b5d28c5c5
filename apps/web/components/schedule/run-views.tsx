"use client";
/**
 * The views of one run below its output: the timeline (lanes over virtual time), the step-by-step
 * replay, the wait-for graph when the run deadlocked, and "be the scheduler" for programs whose
 * threads made scheduling choices. All of them read the run result alone (@interleave/timeline);
 * picking an event on the timeline opens the replay at that event.
 */
import type { RunResult } from "@interleave/scheduler";
import { lostUpdates } from "@interleave/timeline";
import { ReplayView, Timeline, WaitForGraph } from "@interleave/timeline/react";
import { useLayoutEffect, useMemo, useState } from "react";
import type { ScheduleOptions } from "../program-runner";
import { BeTheScheduler } from "./be-the-scheduler";
import { PAPER } from "./paper";
import { type Tab, Tabs } from "./tabs";

export interface RunViewsProps {
  result: RunResult;
  /** The program that ran (be the scheduler reruns it); without it that view is not offered. */
  source?: string | undefined;
  /** The schedule it ran with (its seed is kept when the learner schedules by hand). */
  schedule?: ScheduleOptions | undefined;
  /** Accessible name of the whole group (default "See the schedule"). */
  label?: string;
}

/** True when the run made scheduling choices: several threads could run at some point. */
export function hasChoices(result: RunResult): boolean {
  return result.schedule.choices.length > 0;
}

/** Tabs with the timeline, the replay, the wait-for graph (on a deadlock) and be the scheduler. */
export function RunViews({ result, source, schedule, label = "See the schedule" }: RunViewsProps) {
  const deadlocked = result.status === "deadlock" && result.deadlock !== null;
  const [tab, setTab] = useState(deadlocked ? "deadlock" : "timeline");
  const [step, setStep] = useState<number | undefined>(undefined);
  useDrawTiming();
  const tabs: Tab[] = [];
  if (deadlocked)
    tabs.push({
      id: "deadlock",
      label: "Wait-for graph",
      panel: (
        <div className={PAPER}>
          <WaitForGraph result={result} size={380} />
        </div>
      ),
    });
  tabs.push(
    {
      id: "timeline",
      label: "Timeline",
      panel: (
        <div className={PAPER}>
          <Timeline
            result={result}
            title="Timeline of the run"
            onSelectEvent={(seq) => {
              setStep(seq);
              setTab("replay");
            }}
          />
        </div>
      ),
    },
    {
      id: "replay",
      label: "Step by step",
      panel: (
        <div className="space-y-2">
          <LostUpdateNote result={result} onGo={setStep} />
          <div className={PAPER}>
            <ReplayView result={result} step={step} title="Step-by-step replay" />
          </div>
        </div>
      ),
    },
  );
  if (source !== undefined && hasChoices(result))
    tabs.push({
      id: "scheduler",
      label: "Be the scheduler",
      panel: <BeTheScheduler source={source} seed={schedule?.seed} />,
    });
  return (
    <section aria-label={label} className="rounded-lg border border-slate-300 p-3 dark:border-slate-700">
      <Tabs label={label} tabs={tabs} selected={tab} onSelect={setTab} />
    </section>
  );
}

/** Says when the run lost an update, with a button to the step just before the overwriting write. */
function LostUpdateNote({ result, onGo }: { result: RunResult; onGo: (step: number) => void }) {
  const lost = useMemo(() => lostUpdates(result), [result]);
  const first = lost[0];
  if (first === undefined) return null;
  return (
    <p className="text-sm" data-lost-updates={lost.length}>
      <strong>This run lost an update.</strong> {first.description}{" "}
      <button
        type="button"
        className="rounded-md border border-slate-300 px-2 py-0.5 text-xs font-medium hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
        onClick={() => onGo(first.seq - 1)}
      >
        Go to just before it
      </button>
    </p>
  );
}

/**
 * User Timing marks for devtools and the bench: "interleave:run-views" measures rendering the
 * views of a new run (the timeline's lanes included), "interleave:run-views-painted" until the
 * next frame after it. Only the first render of each run is measured (RunViews is keyed by run).
 */
function useDrawTiming(): void {
  const [started] = useState(() => (typeof performance === "undefined" ? 0 : performance.now()));
  useLayoutEffect(() => {
    if (typeof performance.measure !== "function") return;
    performance.measure("interleave:run-views", { start: started, end: performance.now() });
    const frame = requestAnimationFrame(() =>
      setTimeout(() =>
        performance.measure("interleave:run-views-painted", { start: started, end: performance.now() }),
      ),
    );
    return () => cancelAnimationFrame(frame);
  }, [started]);
}
