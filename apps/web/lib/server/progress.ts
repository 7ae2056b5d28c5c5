// Submit's server side around grading: who is submitting and whether they may (a rate limit per
// student, and per client IP for anonymous visitors, kept in the database so every app instance
// shares the count), then recording a signed-in student's graded submission and progress (one
// transaction, @interleave/db's recordSubmission). Anonymous Submits are graded, not recorded.
import { type Actor, consumeRateLimit, type RateLimitRule, recordSubmission } from "@interleave/db";
import { headers } from "next/headers";
import { env } from "@/lib/env";
import type { GradeView } from "@/lib/run-view";
import { services, submittingActor } from "./db";
import { statusOf } from "./guard";

/** What happened to a graded submission: kept for the student, or not (anonymous, failure). */
export type Recorded = "recorded" | "anonymous" | "failed";

/** A signed-in student's allowance: generous for iterating, small enough to keep grading fair. */
export const SUBMIT_LIMIT: RateLimitRule = { windowMs: 60_000, max: env.SUBMIT_LIMIT_PER_MINUTE };
/** Anonymous visitors share their IP's allowance (a classroom behind one address shares it). */
export const ANONYMOUS_SUBMIT_LIMIT: RateLimitRule = { windowMs: 60_000, max: 60 };

/** Who submits: a signed-in student or an anonymous visitor. */
export type Submitter = { kind: "student"; actor: Actor } | { kind: "anonymous" };

export type Admission =
  | { ok: true; submitter: Submitter }
  | { ok: false; error: string; retryAfterMs: number; status: 429 | 503 };

/** How long a Submit refused because the database failed waits before trying again. */
export const DATABASE_RETRY_MS = 5_000;

/** The client's address as the proxy in front of the app reports it, if it does. */
function clientIp(requestHeaders: Headers): string | null {
  const forwarded = requestHeaders.get("x-forwarded-for")?.split(",")[0]?.trim();
  const ip = forwarded || requestHeaders.get("x-real-ip")?.trim();
  return ip ? ip.slice(0, 100) : null;
}

function refusal(retryAfterMs: number, rule: RateLimitRule): Admission {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return {
    ok: false,
    status: 429,
    retryAfterMs,
    error:
      `Too many submissions: at most ${rule.max} a minute. Submit again in ${seconds} s ` +
      "(this one was not graded or recorded). Run checks your program in the meantime.",
  };
}

/**
 * Counts a Submit against the submitter's allowance before anything is graded. Refusals say when
 * to try again: the allowance is used up (429), or the database cannot be reached or is locked
 * (503: nothing is graded or recorded, rather than a grading the student believes was kept).
 */
export async function admitSubmission(): Promise<Admission> {
  let submitter: Submitter = { kind: "anonymous" };
  try {
    const actor = await submittingActor();
    submitter = actor ? { kind: "student", actor } : { kind: "anonymous" };
    const ip = actor ? null : clientIp(await headers());
    if (!actor && !ip) return { ok: true, submitter };
    const { db } = await services();
    const rule = actor ? SUBMIT_LIMIT : ANONYMOUS_SUBMIT_LIMIT;
    await consumeRateLimit(db, actor ? `submit:${actor.id}` : `submit-ip:${ip}`, rule);
    return { ok: true, submitter };
  } catch (error) {
    if (statusOf(error) === 429) {
      const retryAfterMs = (error as { retryAfterMs?: number }).retryAfterMs ?? 60_000;
      return refusal(retryAfterMs, submitter.kind === "student" ? SUBMIT_LIMIT : ANONYMOUS_SUBMIT_LIMIT);
    }
    console.error("checking the Submit rate limit failed", error);
    return {
      ok: false,
      status: 503,
      retryAfterMs: DATABASE_RETRY_MS,
      error:
        "The server cannot reach its database right now, so this Submit was not graded or recorded. " +
        `Submit again in ${DATABASE_RETRY_MS / 1000} s; Run still works meanwhile.`,
    };
  }
}

/** Stores the graded submission when a student is signed in; never throws. */
export async function recordFor(
  submitter: Submitter,
  exerciseId: string,
  code: string,
  results: GradeView,
  gradingMs: number,
): Promise<Recorded> {
  if (submitter.kind === "anonymous") return "anonymous";
  try {
    const { db } = await services();
    const result = { ...results, tests: results.tests.map((test) => ({ ...test })) };
    await recordSubmission(db, submitter.actor, { exerciseId, code, result, gradingMs });
    return "recorded";
  } catch (error) {
    console.error(`recording a submission of ${exerciseId} failed`, error);
    return "failed";
  }
}
