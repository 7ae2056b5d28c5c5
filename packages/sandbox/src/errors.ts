/**
 * Errors the sandbox throws at its callers. A program's own failure never arrives as an
 * exception: it comes back as a RunResult with a non-ok status.
 */

/** A sandbox (engine, pool or browser client) was used after dispose(). */
export class SandboxDisposedError extends Error {
  override name = "SandboxDisposedError";
  constructor(what: string) {
    super(`${what} was used after dispose()`);
  }
}

/** The runtime bundle failed to start in a fresh context: a bug in the sandbox, not the program. */
export class RuntimeBundleError extends Error {
  override name = "RuntimeBundleError";
}

/** A run was cancelled by its caller (browser client) before it finished. */
export class RunCancelledError extends Error {
  override name = "RunCancelledError";
  constructor() {
    super("the run was cancelled");
  }
}
