/**
 * Stack traces in the student's terms: QuickJS names the file of each frame, so frames of the
 * student's program (evaluated under its file name) are kept and the runtime's own frames
 * (interleave-runtime.js, native) are dropped. Lines are already the student's (the compiler
 * keeps them); on line 1 the column is shifted back by the function wrapper the sandbox adds.
 */
import { wrapAsFunctionBody } from "@interleave/compiler";
import type { RunResult } from "@interleave/scheduler";

/** Characters the wrapper puts before the program on its first line. */
const WRAPPER_PREFIX = wrapAsFunctionBody("\u0000").indexOf("\u0000");

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function fixColumn(line: number, column: number): number {
  return line === 1 ? Math.max(1, column - WRAPPER_PREFIX) : column;
}

/** The stack with only the program's frames, at its own lines and columns. */
export function studentStack(stack: string, filename: string): string {
  const frame = new RegExp(`^\\s*at (.*?)\\s*\\(?${escapeRegExp(filename)}:(\\d+)(?::(\\d+))?\\)?\\s*$`);
  const out: string[] = [];
  for (const text of stack.split("\n")) {
    const m = frame.exec(text);
    if (m === null) continue;
    const line = Number(m[2]);
    const name = m[1] === "" || m[1] === "<anonymous>" ? "<module>" : m[1];
    const where = m[3] === undefined ? `${line}` : `${line}:${fixColumn(line, Number(m[3]))}`;
    out.push(`    at ${name} (${filename}:${where})`);
  }
  return out.join("\n");
}

/** Rewrites a result's error location and stack to the student's own lines. */
export function rewriteError(result: RunResult, filename: string): RunResult {
  const error = result.error;
  if (error === null) return result;
  const fixed = { ...error };
  if (fixed.stack !== undefined) {
    const stack = studentStack(fixed.stack, filename);
    if (stack === "") delete fixed.stack;
    else fixed.stack = stack;
  }
  if (fixed.where !== undefined) {
    const m = /^(\d+)(?::(\d+))?$/.exec(fixed.where);
    if (m !== null && m[2] !== undefined) fixed.where = `${m[1]}:${fixColumn(Number(m[1]), Number(m[2]))}`;
  }
  return { ...result, error: fixed };
}
