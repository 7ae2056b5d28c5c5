/**
 * How the sandbox evaluates compiled code: as the body of a function whose parameters are the only
 * names the code expects from outside, opened on the same line as the code so lines stay equal.
 */

/** The names compiled code expects in scope, in the order `wrapAsFunctionBody` takes them. */
export const COMPILED_SCOPE = ["require", "exports", "module", "__coro"] as const;

/**
 * Source of a function expression running `code`; line N of it is line N of the student's program.
 * Evaluate it, then call it with `require` (resolving "interleave"), `exports`, `module` and `__coro`.
 * @example (0, eval)(wrapAsFunctionBody(result.code))(require, exports, { exports }, __coro)
 */
export function wrapAsFunctionBody(code: string): string {
  // The newline keeps `})` out of a trailing `// comment`.
  return `(function (${COMPILED_SCOPE.join(", ")}) {${code}\n})`;
}
