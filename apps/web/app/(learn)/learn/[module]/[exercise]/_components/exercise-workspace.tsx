"use client";
/**
 * The working half of an exercise page: the editor with the draft, Run (in the browser's
 * worker), Submit (graded on the server), Reset to starter, and their output and results.
 */
import { useCallback, useEffect, useMemo, useRef, useState, useTransition } from "react";
import { CodeEditor } from "@/components/code-editor";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { DRAFT_DEBOUNCE_MS, debounce, markOpened, readDraft, writeDraft } from "@/components/drafts";
import { ProgressNote, type RecordedState } from "@/components/progress-note";
import { ResultsPanel, type SubmitState } from "@/components/results-panel";
import { RunOutput } from "@/components/run-output";
import { RunViews } from "@/components/schedule/run-views";
import { useRun } from "@/components/use-run";
import type { CheckView } from "@/lib/run-view";
import { loadServerDraft, saveServerDraft } from "@/lib/server/draft-actions";
import { submitSolution } from "../actions";

export interface ExerciseWorkspaceProps {
  exerciseId: string;
  title: string;
  starter: string;
  /** The runtime's declarations for the editor (completion, hover). */
  types?: { path: string; content: string } | undefined;
}

const BUTTON = "rounded-md px-3 py-1.5 text-sm font-medium disabled:cursor-not-allowed disabled:opacity-60";
const PRIMARY = `${BUTTON} bg-blue-700 text-white hover:bg-blue-800`;
const SECONDARY = `${BUTTON} border border-slate-300 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800`;

export function ExerciseWorkspace({ exerciseId, title, starter, types }: ExerciseWorkspaceProps) {
  const [code, setCode] = useState(starter);
  const [confirmReset, setConfirmReset] = useState(false);
  const [submit, setSubmit] = useState<SubmitState>({ phase: "idle" });
  const [recorded, setRecorded] = useState<RecordedState>(null);
  const [submitting, startSubmit] = useTransition();
  const { state: runState, run, cancel, running } = useRun();
  // The code of the last Submit, so a failed check's schedule can be replayed on it.
  const submitted = useRef(starter);
  const [runTitle, setRunTitle] = useState<string | null>(null);

  // Signed-in students' drafts are also kept on the server (see loadServerDraft below).
  const serverDrafts = useRef(false);
  const saver = useMemo(
    () =>
      debounce((value: string) => {
        writeDraft(exerciseId, value, starter);
        if (serverDrafts.current) void saveServerDraft(exerciseId, value).catch(() => undefined);
      }, DRAFT_DEBOUNCE_MS),
    [exerciseId, starter],
  );

  // The saved draft replaces the starter once mounted (the server cannot know it).
  useEffect(() => {
    const draft = readDraft(exerciseId);
    if (draft !== null) setCode(draft);
    markOpened(exerciseId);
    let live = true;
    loadServerDraft(exerciseId)
      .then((saved) => {
        if (!live || !saved.signedIn) return;
        serverDrafts.current = true;
        if (saved.code !== null) setCode(saved.code);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [exerciseId]);

  // Leaving or hiding the page saves at once.
  useEffect(() => {
    const flush = () => saver.flush();
    const onVisibility = () => document.visibilityState === "hidden" && flush();
    window.addEventListener("pagehide", flush);
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      flush();
      window.removeEventListener("pagehide", flush);
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [saver]);

  const onChange = useCallback(
    (value: string) => {
      setCode(value);
      saver.push(value);
    },
    [saver],
  );

  const onRun = useCallback(() => {
    if (running) return;
    setRunTitle(null);
    void run(code);
  }, [code, run, running]);

  // Runs the submitted code again in the browser with a failed check's schedule, to see it.
  const onReplayCheck = useCallback(
    (check: CheckView) => {
      const replay = check.replay;
      if (running || !replay) return;
      setRunTitle(`Replay of the failing schedule of “${check.name}”`);
      const choices = replay.choices ?? [];
      void run(submitted.current, {
        seed: replay.seed,
        strategy: choices.length > 0 ? { kind: "replay", choices: [...choices] } : undefined,
      });
    },
    [run, running],
  );

  const onSubmit = () => {
    submitted.current = code;
    setSubmit({ phase: "grading" });
    setRecorded(null);
    startSubmit(async () => {
      try {
        const outcome = await submitSolution({ exerciseId, code });
        if (outcome.ok) setRecorded(outcome.recorded);
        setSubmit(
          outcome.ok
            ? { phase: "graded", results: outcome.results, ms: outcome.ms }
            : { phase: "rejected", message: outcome.error },
        );
      } catch {
        setSubmit({ phase: "rejected", message: "The server could not be reached. Try again in a moment." });
      }
    });
  };

  return (
    <div className="space-y-3">
      <CodeEditor
        value={code}
        onChange={onChange}
        onRun={onRun}
        types={types}
        label={`Code for ${title}`}
        path={exerciseId}
      />
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          className={PRIMARY}
          onClick={onRun}
          disabled={running}
          aria-keyshortcuts="Control+Enter Meta+Enter"
        >
          Run
        </button>
        {running && (
          <button type="button" className={SECONDARY} onClick={cancel}>
            Cancel
          </button>
        )}
        <button type="button" className={PRIMARY} onClick={onSubmit} disabled={submitting}>
          Submit
        </button>
        <button type="button" className={`${SECONDARY} ml-auto`} onClick={() => setConfirmReset(true)}>
          Reset to starter
        </button>
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Ctrl+Enter (⌘+Enter on a Mac) runs. In the editor, Ctrl+M switches Tab between indenting and moving
        focus. Your code is saved in this browser as you type.
      </p>
      {runTitle && runState.phase !== "idle" && <h2 className="text-base font-semibold">{runTitle}</h2>}
      <RunOutput state={runState} label={runTitle ?? "Output"} />
      {runState.phase === "done" && (
        <RunViews
          key={runState.seq}
          result={runState.result}
          source={runState.source}
          schedule={runState.schedule}
        />
      )}
      <ResultsPanel state={submit} onReplay={onReplayCheck} replaying={running} />
      <ProgressNote recorded={recorded} exerciseId={exerciseId} />
      <ConfirmDialog
        open={confirmReset}
        title="Reset to the starter code?"
        confirmLabel="Reset"
        onCancel={() => setConfirmReset(false)}
        onConfirm={() => {
          setConfirmReset(false);
          saver.cancel();
          setCode(starter);
          writeDraft(exerciseId, starter, starter);
        }}
      >
        Your changes to this exercise will be lost. This cannot be undone.
      </ConfirmDialog>
    </div>
  );
}
