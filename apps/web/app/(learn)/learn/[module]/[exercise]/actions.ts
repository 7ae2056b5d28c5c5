"use server";

import { listExerciseIds } from "@interleave/content";
import { courseRoot } from "@/lib/course";
import { gradeOnServer } from "@/lib/grading";
import type { GradeView } from "@/lib/run-view";
import { admitSubmission, type Recorded, recordFor } from "@/lib/server/progress";
import { validateSubmission } from "@/lib/submission";

export type SubmitOutcome =
  | { ok: true; results: GradeView; ms: number; recorded: Recorded }
  | { ok: false; error: string; retryAfterMs?: number };

/**
 * Grades a submission on the server with every check (hidden ones too). Anonymous submissions
 * are graded, not recorded; a signed-in student's are recorded with their progress. Input is
 * untrusted: validated before anything else happens; then the rate limit (per student, per IP
 * for anonymous visitors) is checked before grading, so a refused Submit costs nothing.
 */
export async function submitSolution(input: unknown): Promise<SubmitOutcome> {
  const checked = validateSubmission(input, await listExerciseIds(courseRoot()));
  if (!checked.ok) return checked;
  const admission = await admitSubmission();
  if (!admission.ok) return admission;
  const { exerciseId, code } = checked.input;
  const started = performance.now();
  try {
    const results = await gradeOnServer(exerciseId, code);
    const ms = Math.round(performance.now() - started);
    // A signed-in student's submission and progress are stored (one transaction); anonymous not.
    const recorded = await recordFor(admission.submitter, exerciseId, code, results, ms);
    return { ok: true, results, ms, recorded };
  } catch (error) {
    console.error(`grading ${exerciseId} failed`, error);
    return {
      ok: false,
      error: "The server could not grade this submission right now. Try again in a moment.",
    };
  }
}
