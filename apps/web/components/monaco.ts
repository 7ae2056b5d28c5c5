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
  return monaco;
}

const addedLibs = new Set<string>();

/** Declares the runtime's globals to the TypeScript service (once per path). */
export function addTypes(monaco: Monaco, path: string, declarations: string): void {
  if (addedLibs.has(path)) return;
  addedLibs.add(path);
  monaco.typescript.typescriptDefaults.addExtraLib(declarations, path);
}
