// Recording a graded Submit for the signed-in student (submission + progress in one transaction,
// by @interleave/db's recordSubmission). Anonymous Submits are graded and not recorded.
import { recordSubmission } from "@interleave/db";
import type { GradeView } from "@/lib/run-view";
import { currentActor, services } from "./db";

/** What happened to a graded submission: kept for the student, or not (anonymous, failure). */
export type Recorded = "recorded" | "anonymous" | "failed";

/** Stores the graded submission when someone is signed in; never throws. */
export async function recordIfSignedIn(
  exerciseId: string,
  code: string,
  results: GradeView,
  gradingMs: number,
): Promise<Recorded> {
  try {
    const actor = await currentActor();
    if (!actor) return "anonymous";
    const { db } = await services();
    const result = { ...results, tests: results.tests.map((test) => ({ ...test })) };
    await recordSubmission(db, actor, { exerciseId, code, result, gradingMs });
    return "recorded";
  } catch (error) {
    console.error(`recording a submission of ${exerciseId} failed`, error);
    return "failed";
  }
}
