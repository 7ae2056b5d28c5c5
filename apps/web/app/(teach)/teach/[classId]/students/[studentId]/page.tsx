// One student's submissions, for the teacher of a class the student is in.
import { classGrid, studentSubmissions } from "@interleave/db";
import type { Metadata } from "next";
import Link from "next/link";
import { SubmissionList } from "@/components/submission-list";
import { currentActor, services } from "@/lib/server/db";
import { orRefuse } from "@/lib/server/guard";

export const metadata: Metadata = { title: "Student" };
export const dynamic = "force-dynamic";

interface Params {
  classId: string;
  studentId: string;
}

export default async function StudentPage({ params }: { params: Promise<Params> }) {
  const { classId, studentId } = await params;
  const { db } = await services();
  const actor = await currentActor();
  const here = `/teach/${encodeURIComponent(classId)}/students/${encodeURIComponent(studentId)}`;
  const submissions = await orRefuse(() => studentSubmissions(db, actor, classId, studentId), here);
  const grid = await orRefuse(() => classGrid(db, actor, classId, []), here);
  const student = grid.rows.find((r) => r.student.id === studentId)?.student;
  return (
    <section className="space-y-4">
      <p>
        <Link href={`/teach/${encodeURIComponent(classId)}`} className="underline">
          ← {grid.classroom.name}
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">
        Submissions by {student?.name || student?.email || "a student"}
      </h1>
      <SubmissionList submissions={submissions} />
    </section>
  );
}
