/**
 * Loads Monaco from the local monaco-editor package (never a CDN) and sets up TypeScript for
 * student programs: the runtime's declarations (asyncio, threading, print ...) as an extra lib,
 * so completion and hover know them. Imported dynamically by the editor, so Monaco (~2.8 MB gzip
 * with its TypeScript worker) never weighs on a page until an editor is shown.
 */
import { loader } from "@monaco-editor/react";

export type Monaco = typeof import("monaco-editor");

let loading: Promise<Monaco> | null = null;

/** The one Monaco instance of the page, loaded on first call. */
export function loadMonaco(): Promise<Monaco> {
  loading ??= load();
  return loading;
}

async function load(): Promise<Monaco> {
  self.MonacoEnvironment = {
    getWorker(_workerId: string, label: string) {
      if (label === "typescript" || label === "javascript") {
        return new Worker(new URL("monaco-editor/language/typescript/ts.worker.js", import.meta.url), {
          type: "module",
        });
      }
      return new Worker(new URL("monaco-editor/editor/editor.worker.js", import.meta.url), {
        type: "module",
      });
    },
  };
  const monaco = await import("monaco-editor");
  loader.config({ monaco });
  await loader.init();
  defineThemes(monaco);
  const ts = monaco.typescript;
  ts.typescriptDefaults.setCompilerOptions({
    target: ts.ScriptTarget.ESNext,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.NodeJs,
    lib: ["es2022"],
    strict: true,
    noEmit: true,
    allowNonTsExtensions: true,
  });
  ts.typescriptDefaults.setDiagnosticsOptions({
    ...ts.typescriptDefaults.getDiagnosticsOptions(),
    // "'await' has no effect on the type of this expression": true of `await count.load()` in a
    // thread (the value is a number either way) but the await is the preemption point, and the
    // hint would tell a student to remove it.
    diagnosticCodesToIgnore: [80007],
  });
  return monaco;
}

const addedLibs = new Set<string>();

/** Declares the runtime's globals to the TypeScript service (once per path). */
export function addTypes(monaco: Monaco, path: string, declarations: string): void {
  if (addedLibs.has(path)) return;
  addedLibs.add(path);
  monaco.typescript.typescriptDefaults.addExtraLib(declarations, path);
}

/** Monaco's names for the app's two themes. */
export const EDITOR_THEMES = { light: "interleave-light", dark: "interleave-dark" } as const;

/**
 * Monaco's own themes with the colours that fail WCAG AA contrast raised: vs-dark's comments
 * (#608b4e, 4.2:1) and its dimmed line numbers (#474747, 1.8:1).
 */
function defineThemes(monaco: Monaco): void {
  monaco.editor.defineTheme(EDITOR_THEMES.light, { base: "vs", inherit: true, rules: [], colors: {} });
  monaco.editor.defineTheme(EDITOR_THEMES.dark, {
    base: "vs-dark",
    inherit: true,
    rules: [{ token: "comment", foreground: "7fb26a" }],
    colors: {
      "editorLineNumber.foreground": "#a0a0a0",
      "editorLineNumber.dimmedForeground": "#8a8a8a",
    },
  });
}
