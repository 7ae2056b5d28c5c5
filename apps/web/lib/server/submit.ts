// Submit, shared by the exercise page's server action and POST /api/submit: validate, admit (rate
// limit, database reachable), grade in the bounded pool, record. Each outcome carries the HTTP
// status the JSON endpoint answers with; the server action returns the outcome itself (an action
// cannot answer 503), whose `error` sentence says when to try again.
import { listExerciseIds } from "@interleave/content";
import { courseRoot } from "@/lib/course";
import { GradingBusyError, gradeOnServer, gradingBusy } from "@/lib/grading";
import type { GradeView } from "@/lib/run-view";
import { validateSubmission } from "@/lib/submission";
import { admitSubmission, type Recorded, recordFor } from "./progress";

export type SubmitOutcome =
  | { ok: true; results: GradeView; ms: number; recorded: Recorded }
  | { ok: false; error: string; retryAfterMs?: number };

/** An outcome and the status POST /api/submit answers it with. */
export interface SubmitAnswer {
  status: 200 | 400 | 429 | 500 | 503;
  outcome: SubmitOutcome;
}

/**
 * How long the course's list of exercise ids is reused (ms). Reading it walks every module's
 * folder (~1 ms on the server's thread), and a busy server answers dozens of Submits a second,
 * most of them refused; a new exercise folder is still seen within this time, without a restart.
 */
const EXERCISE_IDS_TTL_MS = 2_000;
let exerciseIds: { readAt: number; ids: Promise<string[]> } | null = null;

function knownExerciseIds(): Promise<string[]> {
  const now = performance.now();
  if (exerciseIds === null || now - exerciseIds.readAt > EXERCISE_IDS_TTL_MS) {
    const ids = listExerciseIds(courseRoot());
    exerciseIds = { readAt: now, ids };
    ids.catch(() => {
      exerciseIds = null; // read again next time
    });
  }
  return exerciseIds.ids;
}

function busy(error: GradingBusyError): SubmitAnswer {
  const seconds = Math.ceil(error.retryAfterMs / 1000);
  return {
    status: 503,
    outcome: {
      ok: false,
      retryAfterMs: error.retryAfterMs,
      error:
        `Many submissions are being graded right now. Submit again in ${seconds} s ` +
        "(this one was not graded or recorded). Run checks your program in the meantime.",
    },
  };
}

/**
 * Grades a submission on the server with every check (hidden ones too). Anonymous submissions
 * are graded, not recorded; a signed-in student's are recorded with their progress. Input is
 * untrusted: validated before anything else happens; then the grading queue (a full queue refuses
 * before the database is asked, and uses none of the student's allowance) and the rate limit (per
 * student, per IP for anonymous visitors) are checked, so a refused Submit costs nothing.
 */
export async function submit(input: unknown): Promise<SubmitAnswer> {
  const checked = validateSubmission(input, await knownExerciseIds());
  if (!checked.ok) return { status: 400, outcome: checked };
  const full = gradingBusy(checked.input.exerciseId);
  if (full) return busy(full);
  const admission = await admitSubmission();
  if (!admission.ok) {
    const { status, error, retryAfterMs } = admission;
    return { status, outcome: { ok: false, error, retryAfterMs } };
  }
  const { exerciseId, code } = checked.input;
  const started = performance.now();
  let results: GradeView;
  try {
    results = await gradeOnServer(exerciseId, code);
  } catch (error) {
    if (error instanceof GradingBusyError) return busy(error);
    console.error(`grading ${exerciseId} failed`, error);
    return {
      status: 500,
      outcome: {
        ok: false,
        error: "The server could not grade this submission right now. Try again in a moment.",
      },
    };
  }
  const ms = Math.round(performance.now() - started);
  // A signed-in student's submission and progress are stored (one transaction); anonymous not.
  const recorded = await recordFor(admission.submitter, exerciseId, code, results, ms);
  // Graded but not kept: the endpoint says so with a 503 (the page shows the results and that
  // they were not saved).
  return { status: recorded === "failed" ? 503 : 200, outcome: { ok: true, results, ms, recorded } };
}
