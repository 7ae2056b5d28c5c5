// One class for its teacher: the grid of students x exercises (icon, word and colour per cell),
// per-exercise pass rates with the checks that fail most, and the CSV export.
import { classGrid, exerciseStats } from "@interleave/db";
import type { Metadata } from "next";
import Link from "next/link";
import { type BadgeStatus, StatusBadge, statusText } from "@/components/status-badge";
import { courseExercises } from "@/lib/server/course-ids";
import { currentActor, services } from "@/lib/server/db";
import { orRefuse } from "@/lib/server/guard";

export const metadata: Metadata = { title: "Class" };
export const dynamic = "force-dynamic";

export default async function ClassPage({ params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const { db } = await services();
  const actor = await currentActor();
  const exercises = await courseExercises();
  const ids = exercises.map((e) => e.id);
  const here = `/teach/${encodeURIComponent(classId)}`;
  const grid = await orRefuse(() => classGrid(db, actor, classId, ids), here);
  const stats = await orRefuse(() => exerciseStats(db, actor, classId, ids), here);
  const attempted = stats.filter((s) => s.attempted > 0);
  const titleOf = new Map(exercises.map((e) => [e.id, e.title]));

  return (
    <section className="space-y-8">
      <header className="space-y-2">
        <p>
          <Link href="/teach" className="underline">
            ← Your classes
          </Link>
        </p>
        <h1 className="text-2xl font-semibold">{grid.classroom.name}</h1>
        <p>
          Join code <code className="font-mono font-semibold">{grid.classroom.joinCode}</code> ·{" "}
          {grid.rows.length} {grid.rows.length === 1 ? "student" : "students"} ·{" "}
          <a href={`${here}/csv`} className="underline" download>
            Download as CSV
          </a>
        </p>
      </header>

      <section aria-labelledby="grid" className="space-y-2">
        <h2 id="grid" className="text-lg font-semibold">
          Progress
        </h2>
        {grid.rows.length === 0 ? (
          <p>No students yet: give them the join code; they enter it at /join.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="border-collapse text-sm">
              <caption className="sr-only">Each student's status on each exercise</caption>
              <thead>
                <tr>
                  <th scope="col" className="sticky left-0 bg-white px-2 py-1 text-left dark:bg-slate-950">
                    Student
                  </th>
                  <th scope="col" className="px-2 py-1">
                    Passed
                  </th>
                  {grid.exerciseIds.map((id) => (
                    <th key={id} scope="col" className="px-1 py-1 text-xs font-normal" title={id}>
                      <span className="block max-w-16 truncate">{titleOf.get(id) ?? id}</span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {grid.rows.map((row) => (
                  <tr key={row.student.id} className="border-t border-slate-200 dark:border-slate-800">
                    <th
                      scope="row"
                      className="sticky left-0 bg-white px-2 py-1 text-left font-medium dark:bg-slate-950"
                    >
                      <Link
                        href={`${here}/students/${encodeURIComponent(row.student.id)}`}
                        className="underline"
                      >
                        {row.student.name || row.student.email}
                      </Link>
                    </th>
                    <td className="px-2 py-1 text-center">{row.passed}</td>
                    {grid.exerciseIds.map((id) => {
                      const cell = row.cells[id];
                      const status: BadgeStatus =
                        !cell || cell.status === "not-started" ? "none" : cell.status;
                      return (
                        <td
                          key={id}
                          className="px-1 py-1 text-center"
                          title={`${titleOf.get(id) ?? id}: ${statusText(status)}${cell?.attempts ? `, ${cell.attempts} submissions` : ""}`}
                        >
                          <StatusBadge status={status} compact />
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="stats" className="space-y-2">
        <h2 id="stats" className="text-lg font-semibold">
          Exercises
        </h2>
        {attempted.length === 0 ? (
          <p>Nobody in this class has submitted an exercise yet.</p>
        ) : (
          <table className="text-sm">
            <thead>
              <tr className="text-left">
                <th scope="col" className="px-2 py-1">
                  Exercise
                </th>
                <th scope="col" className="px-2 py-1">
                  Passed
                </th>
                <th scope="col" className="px-2 py-1">
                  Submissions
                </th>
                <th scope="col" className="px-2 py-1">
                  Checks that fail most
                </th>
              </tr>
            </thead>
            <tbody>
              {attempted.map((s) => (
                <tr key={s.exerciseId} className="border-t border-slate-200 align-top dark:border-slate-800">
                  <th scope="row" className="px-2 py-1 text-left font-medium">
                    {titleOf.get(s.exerciseId) ?? s.exerciseId}
                  </th>
                  <td className="px-2 py-1">
                    {s.passed} of {s.students} ({Math.round(s.passRate * 100)}%)
                  </td>
                  <td className="px-2 py-1">{s.submissions}</td>
                  <td className="px-2 py-1">
                    {s.failingChecks.length === 0
                      ? "none"
                      : s.failingChecks
                          .map(
                            (c) => `${c.name} (${c.students} ${c.students === 1 ? "student" : "students"})`,
                          )
                          .join("; ")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </section>
  );
}
