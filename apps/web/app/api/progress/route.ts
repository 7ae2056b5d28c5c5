// The signed-in student's status per exercise, for the course pages' badges (those pages are
// static; a client component asks this after load). Anonymous visitors get `signedIn: false`
// and nothing else: a 200, so a first visit logs no failed request in the browser's console.
import { getActor, progressByUser } from "@interleave/db";
import { services } from "@/lib/server/db";
import { statusOf } from "@/lib/server/guard";

export const dynamic = "force-dynamic";

/** What the course pages show: passed, attempted (failing or erroring), or absent (not started). */
export type ExerciseProgress = "passed" | "attempted";

export type ProgressAnswer =
  | { signedIn: false }
  | { signedIn: true; exercises: Record<string, ExerciseProgress> };

function answer(body: ProgressAnswer | { error: string }, status = 200): Response {
  return Response.json(body, { status, headers: { "cache-control": "private, no-store" } });
}

export async function GET(request: Request): Promise<Response> {
  try {
    const { db, auth } = await services();
    const actor = await getActor(auth, request.headers);
    if (!actor) return answer({ signedIn: false });
    const exercises: Record<string, ExerciseProgress> = {};
    for (const p of await progressByUser(db, actor)) {
      exercises[p.exerciseId] = p.status === "pass" ? "passed" : "attempted";
    }
    return answer({ signedIn: true, exercises });
  } catch (error) {
    const status = statusOf(error);
    if (status === 500) console.error("reading progress failed", error);
    return answer({ error: "Your progress could not be read right now." }, status);
  }
}
