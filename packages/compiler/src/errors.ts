/**
 * A construct the runtime cannot run (top-level await, `for await`, async generators...), found
 * while rewriting. Internal: `compile` turns it into a `SyntaxError` result at the student's line.
 */
export class UnsupportedSyntax extends Error {
  override name = "UnsupportedSyntax";

  /** `offset` indexes the code being rewritten (sucrase's output), not the student's source. */
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}
