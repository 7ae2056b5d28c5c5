// The student's dashboard: progress by module, each exercise's status, links to its history.
import { type ProgressRecord, progressByUser } from "@interleave/db";
import type { Metadata } from "next";
import Link from "next/link";
import { StatusBadge } from "@/components/status-badge";
import { exerciseHref, getCourse } from "@/lib/course";
import { currentActor, services } from "@/lib/server/db";
import { orRefuse } from "@/lib/server/guard";

export const metadata: Metadata = { title: "Your progress" };
export const dynamic = "force-dynamic";

export default async function DashboardPage() {
  const { db } = await services();
  const actor = await currentActor();
  const progress = await orRefuse(() => progressByUser(db, actor), "/dashboard");
  const byExercise = new Map<string, ProgressRecord>(progress.map((p) => [p.exerciseId, p]));
  const course = await getCourse();
  const total = course.modules.reduce((n, m) => n + m.exercises.length, 0);
  const passed = progress.filter((p) => p.status === "pass").length;

  return (
    <section className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">Your progress</h1>
        <p>
          {passed} of {total} exercises passed.{" "}
          <Link href="/join" className="underline">
            Join a class
          </Link>
        </p>
      </header>
      {course.modules.map((module) => {
        const done = module.exercises.filter((e) => byExercise.get(e.id)?.status === "pass").length;
        return (
          <section key={module.id} aria-labelledby={`m-${module.id}`} className="space-y-2">
            <h2 id={`m-${module.id}`} className="text-lg font-semibold">
              {module.lesson.title}{" "}
              <span className="text-sm font-normal text-slate-600 dark:text-slate-400">
                ({done} of {module.exercises.length} passed)
              </span>
            </h2>
            <ul className="divide-y divide-slate-200 rounded-md border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
              {module.exercises.map((exercise) => {
                const p = byExercise.get(exercise.id);
                return (
                  <li key={exercise.id} className="flex flex-wrap items-center gap-3 px-3 py-2">
                    <StatusBadge status={p?.status ?? "none"} />
                    <Link href={exerciseHref(exercise.id)} className="font-medium underline">
                      {exercise.title}
                    </Link>
                    {p && (
                      <span className="ml-auto text-sm text-slate-600 dark:text-slate-400">
                        {p.attempts} {p.attempts === 1 ? "submission" : "submissions"}, best{" "}
                        {Math.round(p.bestScore * 100)}% ·{" "}
                        <Link href={`/dashboard/${exercise.id}`} className="underline">
                          history<span className="sr-only"> of {exercise.title}</span>
                        </Link>
                      </span>
                    )}
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </section>
  );
}
