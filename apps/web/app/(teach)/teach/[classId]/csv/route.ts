// The class's progress as CSV (one row per student, one column per exercise), for its teacher.
import { classCsv, getActor } from "@interleave/db";
import { courseExercises } from "@/lib/server/course-ids";
import { services } from "@/lib/server/db";
import { statusOf } from "@/lib/server/guard";

export const dynamic = "force-dynamic";

const MESSAGES: Record<number, string> = {
  400: "That is not a class.",
  401: "Sign in as the class's teacher to download this.",
  403: "Only the class's teacher can download this.",
  404: "There is no such class.",
};

export async function GET(request: Request, { params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  try {
    const { db, auth } = await services();
    const actor = await getActor(auth, request.headers);
    const ids = (await courseExercises()).map((e) => e.id);
    const csv = await classCsv(db, actor, classId, ids);
    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": 'attachment; filename="class-progress.csv"',
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    const status = statusOf(error);
    if (status === 500) console.error("class CSV failed", error);
    return new Response(`${MESSAGES[status] ?? "The server could not do this right now."}\n`, {
      status,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
}
