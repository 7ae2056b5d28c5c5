"use client";
/**
 * The code editor: Monaco, loaded after the page is readable. Until it arrives the code is shown
 * as plain text, so nothing jumps and the prompt never waits for it. Ctrl/Cmd+Enter calls onRun.
 */
import type { editor } from "monaco-editor";
import { useEffect, useRef, useState } from "react";
import { currentTheme } from "./theme";

export interface CodeEditorProps {
  /** The model's text; changes from outside (a reset) replace the editor's text. */
  value: string;
  onChange(value: string): void;
  /** Called on Ctrl/Cmd+Enter. */
  onRun(): void;
  /** Declarations of the runtime's globals, for completion and hover. */
  types?: { path: string; content: string } | undefined;
  /** Accessible name of the editor's text area. */
  label: string;
  /** A stable path for the model (its URI), e.g. the exercise id. */
  path: string;
}

declare global {
  interface Window {
    /** The page's Monaco editor, for browser tests and debugging. */
    interleaveEditor?: editor.IStandaloneCodeEditor;
    /** The editor's current diagnostics (TypeScript's errors and warnings), for browser tests. */
    interleaveMarkers?: () => string[];
  }
}

/** Monaco editing TypeScript, with the runtime's types and a plain-text stand-in while loading. */
export function CodeEditor({ value, onChange, onRun, types, label, path }: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const instance = useRef<editor.IStandaloneCodeEditor | null>(null);
  const [state, setState] = useState<"loading" | "ready" | "failed">("loading");
  // Callbacks change every render; the editor's listeners read the latest through refs.
  const latest = useRef({ onChange, onRun, value, types });
  latest.current = { onChange, onRun, value, types };

  useEffect(() => {
    let disposed = false;
    const cleanups: Array<() => void> = [];
    (async () => {
      const { loadMonaco, addTypes, EDITOR_THEMES } = await import("./monaco");
      const monaco = await loadMonaco();
      if (disposed || !host.current) return;
      const declarations = latest.current.types;
      if (declarations) addTypes(monaco, declarations.path, declarations.content);
      const uri = monaco.Uri.parse(`file:///${path}.ts`);
      const model =
        monaco.editor.getModel(uri) ?? monaco.editor.createModel(latest.current.value, "typescript", uri);
      model.setValue(latest.current.value);
      const ed = monaco.editor.create(host.current, {
        model,
        theme: EDITOR_THEMES[currentTheme()],
        automaticLayout: true,
        minimap: { enabled: false },
        fontSize: 14,
        scrollBeyondLastLine: false,
        tabSize: 2,
        ariaLabel: label,
        fixedOverflowWidgets: true,
      });
      ed.addAction({
        id: "interleave.run",
        label: "Run",
        keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
        run: () => latest.current.onRun(),
      });
      const sub = ed.onDidChangeModelContent(() => {
        const text = ed.getValue();
        if (text !== latest.current.value) latest.current.onChange(text);
      });
      const onTheme = (event: Event) => {
        const theme = (event as CustomEvent<string>).detail;
        monaco.editor.setTheme(theme === "dark" ? EDITOR_THEMES.dark : EDITOR_THEMES.light);
      };
      window.addEventListener("interleave:theme", onTheme);
      instance.current = ed;
      window.interleaveEditor = ed;
      window.interleaveMarkers = () => monaco.editor.getModelMarkers({ resource: uri }).map((m) => m.message);
      cleanups.push(() => {
        window.removeEventListener("interleave:theme", onTheme);
        sub.dispose();
        ed.dispose();
        model.dispose();
        if (window.interleaveEditor === ed) {
          window.interleaveEditor = undefined;
          window.interleaveMarkers = undefined;
        }
      });
      setState("ready");
    })().catch((error: unknown) => {
      console.error("The editor failed to load", error);
      if (!disposed) setState("failed");
    });
    return () => {
      disposed = true;
      for (const cleanup of cleanups) cleanup();
      instance.current = null;
    };
  }, [path, label]);

  // A value set from outside (reset to starter) replaces the editor's text.
  useEffect(() => {
    const ed = instance.current;
    if (ed && ed.getValue() !== value) ed.setValue(value);
  }, [value]);

  return (
    <div className="relative h-[28rem] overflow-hidden rounded-lg border border-slate-300 dark:border-slate-700">
      <div ref={host} className="h-full" data-editor-state={state} />
      {state !== "ready" && (
        <div className="absolute inset-0 flex flex-col overflow-auto bg-white dark:bg-slate-900">
          {state === "loading" ? (
            <p
              role="status"
              className="border-b border-slate-200 px-3 py-1 text-xs text-slate-600 dark:border-slate-700 dark:text-slate-400"
            >
              Loading the editor…
            </p>
          ) : (
            <label
              className="border-b border-slate-200 px-3 py-1 text-xs text-red-700 dark:border-slate-700 dark:text-red-300"
              htmlFor={`${path}-fallback`}
            >
              The editor could not load; edit the code here instead.
            </label>
          )}
          {state === "loading" ? (
            <pre className="flex-1 p-3 font-mono text-sm">{value}</pre>
          ) : (
            <textarea
              id={`${path}-fallback`}
              className="flex-1 resize-none bg-transparent p-3 font-mono text-sm"
              value={value}
              spellCheck={false}
              onChange={(event) => onChange(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
                  event.preventDefault();
                  onRun();
                }
              }}
            />
          )}
        </div>
      )}
    </div>
  );
}
