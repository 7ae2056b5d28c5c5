// One exercise's submissions by the signed-in student, newest first, with their results.
import { listSubmissions } from "@interleave/db";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SubmissionList } from "@/components/submission-list";
import { exerciseHref, getCourse } from "@/lib/course";
import { currentActor, services } from "@/lib/server/db";
import { orRefuse } from "@/lib/server/guard";

export const metadata: Metadata = { title: "Your submissions" };
export const dynamic = "force-dynamic";

interface Params {
  module: string;
  exercise: string;
}

export default async function HistoryPage({ params }: { params: Promise<Params> }) {
  const { module, exercise } = await params;
  const id = `${module}/${exercise}`;
  const course = await getCourse();
  const found = course.modules.flatMap((m) => m.exercises).find((e) => e.id === id);
  if (!found) notFound();
  const { db } = await services();
  const actor = await currentActor();
  const submissions = await orRefuse(() => listSubmissions(db, actor, id), `/dashboard/${id}`);
  return (
    <section className="space-y-4">
      <p>
        <Link href="/dashboard" className="underline">
          ← Your progress
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">Your submissions: {found.title}</h1>
      <p>
        <Link href={exerciseHref(id)} className="underline">
          Open the exercise
        </Link>
      </p>
      <SubmissionList submissions={submissions} />
    </section>
  );
}
