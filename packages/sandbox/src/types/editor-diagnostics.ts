/**
 * What a student's editor says about a file: the course's starters and reference solutions are
 * type-checked the way the web app's Monaco checks them (strict, ES2022, this package's
 * interleave.d.ts), so a starter that shows a red squiggle before the student has typed
 * anything is caught by `interleave check` and by the course's tests, and the declarations
 * themselves are tested the way students meet them (dts.test.ts).
 *
 * All files go into one TypeScript program (the standard library is parsed once), each as its
 * own module. The compiler is loaded on first use: importing the grader (a server does) must not
 * load it. A subpath of its own (`@interleave/sandbox/editor-diagnostics`), so that bundling the
 * sandbox for a browser never meets the TypeScript compiler.
 */

import type * as TypeScript from "typescript";
import { INTERLEAVE_DTS } from "../generated/interleave-dts";

/** One diagnostic, located in the file as the editor shows it (1-based line and column). */
export interface EditorDiagnostic {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** The options of the web app's editor (apps/web/components/monaco.ts). */
function editorOptions(ts: typeof TypeScript): TypeScript.CompilerOptions {
  return {
    target: ts.ScriptTarget.ESNext,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ["lib.es2022.d.ts"],
    strict: true,
    noEmit: true,
    types: [],
  };
}

const DTS_FILE = "/__interleave__/interleave.d.ts";

/** Type-checks each file as the editor would; returns every error, in file order. */
export async function editorDiagnostics(
  files: readonly { file: string; text: string }[],
): Promise<EditorDiagnostic[]> {
  const ts = ((await import("typescript")) as { default: typeof TypeScript }).default;
  const EDITOR_OPTIONS = editorOptions(ts);
  // Virtual names keep the check independent of what lies around the files on disk.
  const byVirtual = new Map(files.map((f, i) => [`/__interleave__/file${i}.ts`, f]));
  const texts = new Map<string, string>([[DTS_FILE, INTERLEAVE_DTS]]);
  for (const [name, f] of byVirtual) texts.set(name, f.text);
  const host = ts.createCompilerHost(EDITOR_OPTIONS);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (name) => texts.has(name) || fileExists.call(host, name);
  host.readFile = (name) => texts.get(name) ?? readFile.call(host, name);
  host.getSourceFile = (name, language, ...rest) => {
    const text = texts.get(name);
    return text === undefined
      ? getSourceFile.call(host, name, language, ...rest)
      : ts.createSourceFile(name, text, language, true);
  };
  const program = ts.createProgram([...texts.keys()], EDITOR_OPTIONS, host);
  const out: EditorDiagnostic[] = [];
  for (const [name, f] of byVirtual) {
    const source = program.getSourceFile(name);
    for (const d of ts.getPreEmitDiagnostics(program, source)) {
      if (d.category !== ts.DiagnosticCategory.Error) continue;
      const at =
        d.file && d.start !== undefined
          ? d.file.getLineAndCharacterOfPosition(d.start)
          : { line: 0, character: 0 };
      out.push({
        file: f.file,
        line: at.line + 1,
        column: at.character + 1,
        message: ts.flattenDiagnosticMessageText(d.messageText, "\n"),
      });
    }
  }
  return out;
}
