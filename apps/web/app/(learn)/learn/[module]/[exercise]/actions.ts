"use server";

import { listExerciseIds } from "@interleave/content";
import { courseRoot } from "@/lib/course";
import { gradeOnServer } from "@/lib/grading";
import type { GradeView } from "@/lib/run-view";
import { type Recorded, recordIfSignedIn } from "@/lib/server/progress";
import { validateSubmission } from "@/lib/submission";

export type SubmitOutcome =
  | { ok: true; results: GradeView; ms: number; recorded: Recorded }
  | { ok: false; error: string };

/**
 * Grades a submission on the server with every check (hidden ones too). Anonymous submissions
 * are graded, not recorded; a signed-in student's are recorded with their progress. Input is
 * untrusted: validated before anything else happens.
 */
export async function submitSolution(input: unknown): Promise<SubmitOutcome> {
  const checked = validateSubmission(input, await listExerciseIds(courseRoot()));
  if (!checked.ok) return checked;
  const started = performance.now();
  try {
    const results = await gradeOnServer(checked.input.exerciseId, checked.input.code);
    const ms = Math.round(performance.now() - started);
    // A signed-in student's submission and progress are stored (one transaction); anonymous not.
    const recorded = await recordIfSignedIn(checked.input.exerciseId, checked.input.code, results, ms);
    return { ok: true, results, ms, recorded };
  } catch (error) {
    console.error(`grading ${checked.input.exerciseId} failed`, error);
    return {
      ok: false,
      error: "The server could not grade this submission right now. Try again in a moment.",
    };
  }
}
