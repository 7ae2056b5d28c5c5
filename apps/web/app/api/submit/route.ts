// POST /api/submit: Submit for clients that need HTTP status codes (the load test, scripts).
// The same path as the exercise page's server action (lib/server/submit.ts), answered as JSON:
// 200 graded, 400 refused input, 413 too large, 415 not JSON, 403 cross-site, 429 rate limited
// and 503 busy or database unreachable (both with Retry-After, in seconds).
import { cappedText, isCrossSite } from "@/lib/server/http";
import { DATABASE_RETRY_MS } from "@/lib/server/progress";
import { type SubmitOutcome, submit } from "@/lib/server/submit";
import { MAX_CODE_BYTES } from "@/lib/site";

export const dynamic = "force-dynamic";

/** The largest body accepted: the code limit with room for JSON escapes. */
export const MAX_SUBMIT_BODY = 8 * MAX_CODE_BYTES;

/**
 * Answers are not compressed (`no-transform`, which Next's compression honours): most are busy
 * refusals of ~250 bytes, and gzip set up per answer cost ~0.8 ms of the server's thread each,
 * a fifth of a refusal's cost, to save a few hundred bytes (a graded answer: a few KB).
 */
const CACHE_CONTROL = "private, no-store, no-transform";

function answer(body: SubmitOutcome, status: number, retryAfterMs?: number): Response {
  const headers: Record<string, string> = { "cache-control": CACHE_CONTROL };
  if (retryAfterMs !== undefined)
    headers["retry-after"] = String(Math.max(1, Math.ceil(retryAfterMs / 1000)));
  return Response.json(body, { status, headers });
}

export async function POST(request: Request): Promise<Response> {
  if (isCrossSite(request)) {
    return answer({ ok: false, error: "Submit only from this site's pages." }, 403);
  }
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    return answer({ ok: false, error: "Send the submission as application/json." }, 415);
  }
  const text = await cappedText(request, MAX_SUBMIT_BODY);
  if (text === null) return answer({ ok: false, error: "The request is too large." }, 413);
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    return answer({ ok: false, error: "The request is not valid JSON." }, 400);
  }
  const { status, outcome } = await submit(input);
  // A grading that could not be recorded (503 with results) may be submitted again shortly.
  const retryAfterMs = outcome.ok ? (status === 503 ? DATABASE_RETRY_MS : undefined) : outcome.retryAfterMs;
  return answer(outcome, status, retryAfterMs);
}
