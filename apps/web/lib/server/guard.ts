// Mapping the data layer's typed errors onto Next's pages: 401 sends to sign-in, 400, 403 and 404
// show "not found" (a page of someone else's class is not confirmed to exist).
import {
  ConflictError,
  ForbiddenError,
  InvalidError,
  NotFoundError,
  RateLimitedError,
  UnauthenticatedError,
} from "@interleave/db";
import { notFound, redirect } from "next/navigation";

/**
 * Runs a page's data read; refusals become a redirect to sign-in or a 404 page (a malformed id
 * in the address, e.g. 5,000 characters, names no page: 404 too, not a server error).
 */
export async function orRefuse<T>(read: () => Promise<T>, next: string): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof UnauthenticatedError) redirect(`/sign-in?next=${encodeURIComponent(next)}`);
    if (error instanceof ForbiddenError || error instanceof NotFoundError || error instanceof InvalidError)
      notFound();
    throw error;
  }
}

/** The HTTP status for an error from the data layer (500 for anything unexpected). */
export function statusOf(error: unknown): number {
  if (error instanceof InvalidError) return 400;
  if (error instanceof UnauthenticatedError) return 401;
  if (error instanceof ForbiddenError) return 403;
  if (error instanceof NotFoundError) return 404;
  if (error instanceof ConflictError) return 409;
  if (error instanceof RateLimitedError) return 429;
  return 500;
}
