"use server";

import { type SubmitOutcome, submit } from "@/lib/server/submit";

export type { SubmitOutcome } from "@/lib/server/submit";

/**
 * Grades a submission on the server with every check (lib/server/submit.ts). Refusals (invalid
 * input, rate limit, a full grading queue, the database unreachable) are `{ ok: false, error }`
 * with a sentence saying what to do and, when waiting helps, `retryAfterMs`.
 */
export async function submitSolution(input: unknown): Promise<SubmitOutcome> {
  return (await submit(input)).outcome;
}
