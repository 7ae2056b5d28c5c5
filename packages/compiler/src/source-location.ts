/**
 * Points in sucrase's output mapped back to the student's line and column, and the one-line
 * excerpt with a caret shown under an error.
 *
 * Lines need no mapping: sucrase keeps every token on its line and the async rewrite adds no line
 * breaks. Columns do (erased types, the `"use strict"` prologue on line 1), and are read from a
 * source map that is computed only when an error or a warning needs one.
 */
import { type Transform, transform } from "sucrase";
import { originalColumn } from "./source-map";

/** A 1-based line and 1-based column in the student's source (as editors count them). */
export interface Location {
  line: number;
  column: number;
}

export class Locator {
  private mappings: string | undefined;

  constructor(
    private readonly source: string,
    private readonly compiled: string,
    private readonly transforms: Transform[],
    private readonly filename: string,
  ) {}

  /** The student's location of `offset` in the compiled code. */
  locate(offset: number): Location {
    const { line, column } = lineAndColumn(this.compiled, offset);
    this.mappings ??= this.computeMappings();
    const mapped = originalColumn(this.mappings, line - 1, column - 1);
    const length = lineText(this.source, line).length;
    return { line, column: Math.min(Math.max(1, (mapped ?? 0) + 1), length + 1) };
  }

  private computeMappings(): string {
    const result = transform(this.source, {
      transforms: this.transforms,
      disableESTransforms: true,
      filePath: this.filename,
      sourceMapOptions: { compiledFilename: this.filename },
    });
    return result.sourceMap?.mappings ?? "";
  }
}

/** The 1-based line and column of `offset` in `text`, whose lines end with "\n". */
export function lineAndColumn(text: string, offset: number): Location {
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf("\n"); at !== -1 && at < offset; at = text.indexOf("\n", at + 1)) {
    line++;
    lineStart = at + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** The text of 1-based `line` of `text`, without its line break ("" past the end). */
export function lineText(text: string, line: number): string {
  let start = 0;
  for (let n = 1; n < line; n++) {
    const next = text.indexOf("\n", start);
    if (next === -1) return "";
    start = next + 1;
  }
  const end = text.indexOf("\n", start);
  return text.slice(start, end === -1 ? text.length : end);
}

/**
 * The offending line with a caret under `column`, numbered like a compiler's diagnostic:
 *
 *     3 | let x = ;
 *       |         ^
 */
export function codeFrame(source: string, { line, column }: Location): string {
  const text = lineText(source, line);
  const gutter = String(line);
  // Keep tabs in the caret line so the caret sits under the same character in any tab width.
  const pad = text.slice(0, Math.max(0, column - 1)).replace(/[^\t]/g, " ");
  return `${gutter} | ${text}\n${" ".repeat(gutter.length)} | ${pad}^`;
}
