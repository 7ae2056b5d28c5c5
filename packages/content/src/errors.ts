/**
 * Problems found in the course files, and the errors the loader throws.
 *
 * Validation never stops at the first mistake: every problem in the course becomes one
 * ContentError (plain data, so it can be printed in a terminal, sent to a browser in dev, or
 * asserted on in a test), and the loader throws one CourseInvalidError carrying all of them.
 */
import path from "node:path";

/** One problem in one course file, at a 1-based line (0 when it is about the file as a whole). */
export interface ContentError {
  /** Absolute path of the file (or folder) at fault. */
  file: string;
  /** 1-based line; 0 when the problem is the file or folder itself (missing, misnamed). */
  line: number;
  /** 1-based column, when known. */
  column?: number;
  message: string;
  /** What would have been accepted, e.g. "one of intro, easy, medium, hard". */
  expected?: string;
}

/** Base class of the errors this package throws. */
export class ContentLoadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The course (or the part of it that was asked for) has mistakes; `errors` lists all of them. */
export class CourseInvalidError extends ContentLoadError {
  readonly errors: readonly ContentError[];
  constructor(errors: readonly ContentError[], cwd?: string) {
    const shown = errors.slice(0, 20).map((e) => formatContentError(e, { cwd }));
    const more = errors.length > 20 ? [`... and ${errors.length - 20} more`] : [];
    const count = errors.length === 1 ? "1 problem" : `${errors.length} problems`;
    super([`The course has ${count}:`, ...shown, ...more].join("\n"));
    this.errors = errors;
  }
}

/** An id or path that does not name an exercise of the course (including any path outside it). */
export class UnknownExerciseError extends ContentLoadError {
  constructor(
    readonly input: string,
    suggestion?: string,
  ) {
    const hint = suggestion ? ` Did you mean '${suggestion}'?` : "";
    super(
      `'${input}' is not an exercise of this course: give an id such as '08-race-conditions/lost-update' ` +
        `or the path of an exercise folder inside exercises/.${hint}`,
    );
  }
}

/** A module id that is not a module folder of the course. */
export class UnknownModuleError extends ContentLoadError {
  constructor(
    readonly input: string,
    suggestion?: string,
  ) {
    const hint = suggestion ? ` Did you mean '${suggestion}'?` : "";
    super(`'${input}' is not a module of this course: give a folder name such as '02-threads'.${hint}`);
  }
}

export interface FormatOptions {
  /** Paths are shown relative to this folder (default: the process's working directory). */
  cwd?: string | undefined;
}

/**
 * One line for a terminal, in the `file:line:column: message` form editors can jump to.
 * @example formatContentError(e) // "exercises/01-processes/lesson.md:3:1: unknown field 'titel' — did you mean 'title'?"
 */
export function formatContentError(error: ContentError, options: FormatOptions = {}): string {
  const cwd = options.cwd ?? process.cwd();
  const relative = path.relative(cwd, error.file);
  const shown = relative === "" || relative.startsWith("..") ? error.file : relative;
  const where =
    error.line > 0 ? `${shown}:${error.line}${error.column !== undefined ? `:${error.column}` : ""}` : shown;
  const expected =
    error.expected && !error.message.includes(error.expected) ? ` (expected ${error.expected})` : "";
  return `${where}: ${error.message}${expected}`;
}
