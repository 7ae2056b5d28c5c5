/**
 * `compile`: a student's TypeScript or JavaScript in, the script the runtime evaluates out.
 *
 * Three passes, each keeping every token on its line:
 * 1. sucrase erases types and turns `import`/`export` into `require`/`exports` (it is built to
 *    keep line numbers, and is small enough for a Web Worker; nothing is type-checked);
 * 2. acorn parses the result as a strict script, catching what sucrase's lenient parser lets by;
 * 3. the async rewrite (async-rewrite.ts) turns async functions into lazy coroutines.
 * Bad input never throws: a syntax error or an unsupported construct comes back as data, at the
 * student's own line and column.
 */
import { type Options as AcornOptions, type Program, parse } from "acorn";
import { type Transform, transform } from "sucrase";
import { rewriteAsync, UNSUPPORTED } from "./async-rewrite";
import { UnsupportedSyntax } from "./errors";
import { codeFrame, type Location, Locator, lineAndColumn } from "./source-location";

export interface CompileOptions {
  /** Shown in errors; a name ending in .js/.mjs/.cjs/.jsx is compiled as JavaScript. Default "main.ts". */
  filename?: string;
}

/** Something legal that will not do what the student expects on the runtime (e.g. `setTimeout`). */
export interface CompileWarning {
  message: string;
  /** 1-based, in the student's source. */
  line: number;
  /** 1-based, in the student's source. */
  column: number;
}

/** Why the program could not be compiled. Syntax errors and unsupported constructs alike. */
export interface CompileError {
  type: "SyntaxError";
  /** Short, without the position: `Unexpected token, expected ";"`. */
  message: string;
  /** 1-based, in the student's source. */
  line: number;
  /** 1-based, in the student's source. */
  column: number;
  filename: string;
  /** The offending line with a caret under the column (two lines of text). */
  frame: string;
}

export type CompileResult =
  | { ok: true; code: string; warnings: CompileWarning[] }
  | { ok: false; error: CompileError };

const ACORN_OPTIONS: AcornOptions = {
  ecmaVersion: "latest",
  sourceType: "script",
  allowReturnOutsideFunction: false,
  // Parsed so that the rewrite can explain top-level await instead of acorn's "Unexpected token".
  allowAwaitOutsideFunction: true,
  preserveParens: true,
};

/** A `namespace N {` or `module N {` statement at the start of a line, not a `declare` one. */
const NAMESPACE = /^[ \t]*(?:export[ \t]+)?((?:namespace|module)[ \t]+[A-Za-z_$][\w$.]*[ \t]*\{)/m;

/**
 * Compiles a student's program; line N of `code` is line N of `source`.
 * @example compile('import { print } from "interleave";\nprint(1 as number);')
 *   // { ok: true, code: '"use strict";var _interleave = require(\'interleave\');\n_interleave.print.call(void 0, 1 );', warnings: [] }
 */
export function compile(source: string, options: CompileOptions = {}): CompileResult {
  const filename = options.filename ?? "main.ts";
  // One line terminator for every pass (sucrase counts only "\n"; editors and engines count all).
  const text = source.replace(/\r\n?/g, "\n");
  const transforms: Transform[] = /\.[cm]?jsx?$/i.test(filename) ? ["imports"] : ["typescript", "imports"];
  const fail = (message: string, at: Location): CompileResult => ({
    ok: false,
    error: { type: "SyntaxError", message, ...at, filename, frame: codeFrame(text, at) },
  });

  let stripped: string;
  try {
    stripped = transform(text, { transforms, disableESTransforms: true }).code;
  } catch (error) {
    return fail(...fromSucrase(error));
  }

  // Sucrase drops a namespace's body silently (it only erases type-only ones); say so instead.
  const namespace = transforms.includes("typescript") ? NAMESPACE.exec(text) : null;
  if (namespace) {
    return fail(
      UNSUPPORTED.namespace,
      lineAndColumn(text, namespace.index + namespace[0].indexOf(namespace[1]!)),
    );
  }

  const locator = new Locator(text, stripped, transforms, filename);
  let program: Program;
  try {
    program = parse(stripped, ACORN_OPTIONS);
  } catch (error) {
    const { message, offset } = fromAcorn(error, stripped);
    return fail(message, locator.locate(offset));
  }

  try {
    const { code, warnings } = rewriteAsync(program, stripped);
    return {
      ok: true,
      code,
      warnings: warnings.map(({ message, offset }) => ({ message, ...locator.locate(offset) })),
    };
  } catch (error) {
    if (error instanceof UnsupportedSyntax) return fail(error.message, locator.locate(error.offset));
    if (isStackOverflow(error)) return fail(TOO_DEEP, { line: 1, column: 1 });
    return fail(`internal compiler error, please report it: ${describe(error)}`, { line: 1, column: 1 });
  }
}

/** Sucrase raises `SyntaxError("Unexpected token (3:14)")` with `loc` = 1-based line and column. */
function fromSucrase(error: unknown): [string, Location] {
  if (isStackOverflow(error)) return [TOO_DEEP, { line: 1, column: 1 }];
  const message = describe(error);
  const loc = (error as { loc?: Partial<Location> } | null)?.loc;
  if (typeof loc?.line === "number" && typeof loc.column === "number") {
    return [stripPosition(message), { line: loc.line, column: loc.column }];
  }
  const match = /\((\d+):(\d+)\)$/.exec(message);
  if (match) return [stripPosition(message), { line: Number(match[1]), column: Number(match[2]) }];
  return [message, { line: 1, column: 1 }];
}

/** Acorn raises `SyntaxError("Unexpected token (1:34)")` with `pos` = offset in its input. */
function fromAcorn(error: unknown, code: string): { message: string; offset: number } {
  const pos = (error as { pos?: unknown } | null)?.pos;
  const offset = typeof pos === "number" ? pos : 0;
  // In a script, `await` in a plain function parses as an identifier followed by a stray token.
  const before = /(?:^|[^\w$])await\s*$/.exec(code.slice(Math.max(0, offset - 64), offset));
  if (before) {
    const awaitAt = offset - before[0].length + before[0].indexOf("await");
    const { line } = lineAndColumn(code, awaitAt);
    if (line === lineAndColumn(code, offset).line) {
      return { message: UNSUPPORTED.awaitOutsideAsync, offset: awaitAt };
    }
  }
  return { message: stripPosition(describe(error)), offset };
}

const TOO_DEEP = "the program is nested too deeply to compile";

function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError || /call stack/i.test(describe(error));
}

function stripPosition(message: string): string {
  return message.replace(/^Error transforming [^:]*: /, "").replace(/\s*\(\d+:\d+\)$/, "");
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
