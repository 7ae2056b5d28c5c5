// The data layer's failures, one small class each. The web app maps them to HTTP statuses:
// InvalidError 400, UnauthenticatedError 401, ForbiddenError 403, NotFoundError 404,
// ConflictError 409, RateLimitedError 429. Messages are safe to show to the person acting.

/** Base class of every error this package throws on purpose. */
export class DbError extends Error {
  override name = "DbError";
}

/** The input is malformed or too large; nothing was changed. */
export class InvalidError extends DbError {
  override name = "InvalidError";
  constructor(
    message: string,
    /** Per-field messages, keyed by the input's path ("code", "result.tests.0.name"). */
    readonly issues: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Nobody is signed in, and the action needs someone. */
export class UnauthenticatedError extends DbError {
  override name = "UnauthenticatedError";
  constructor(message = "Sign in to do this.") {
    super(message);
  }
}

/** The person acting may not read or change this. */
export class ForbiddenError extends DbError {
  override name = "ForbiddenError";
  constructor(message = "You are not allowed to do this.") {
    super(message);
  }
}

/** The thing asked for does not exist (or is not visible to the person acting). */
export class NotFoundError extends DbError {
  override name = "NotFoundError";
}

/** The change clashes with what is stored (already a member, a duplicate, ...). */
export class ConflictError extends DbError {
  override name = "ConflictError";
}

/** Too many attempts in the current window. */
export class RateLimitedError extends DbError {
  override name = "RateLimitedError";
  constructor(
    readonly retryAfterMs: number,
    message = `Too many attempts: try again in ${Math.ceil(retryAfterMs / 1000)} s.`,
  ) {
    super(message);
  }
}

/** A migration failed or the database is in a state migrations cannot continue from. */
export class MigrationError extends DbError {
  override name = "MigrationError";
}
