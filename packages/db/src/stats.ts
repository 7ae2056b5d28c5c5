// Per-exercise statistics for a class: pass rates, and the checks that fail most, read from the
// per-test statuses in each submission's stored results.json (v3).

import { requireOwnClass } from "./access";
import { loadClass } from "./classes";
import { type Database, prismaOf } from "./database";
import { toResult } from "./rows";
import type { Actor, ExerciseStats, FailingCheck } from "./types";
import { exerciseIdsSchema, parse } from "./validation";

const FAILING_CHECKS_SHOWN = 5;

/**
 * Pass rate and most-failed checks of every exercise (or of `exerciseIds`, in that order)
 * across the class's students.
 * @throws ForbiddenError unless the actor teaches this class.
 */
export async function exerciseStats(
  db: Database,
  actor: Actor | null | undefined,
  classId: string,
  exerciseIds?: string[],
): Promise<ExerciseStats[]> {
  const prisma = prismaOf(db);
  const { classroom } = await requireOwnClass(prisma, actor, classId);
  const columns = parse(exerciseIdsSchema, exerciseIds);
  const { students, progress } = await loadClass(prisma, classroom);
  const studentIds = students.map((s) => s.id);
  const ids = columns ?? [...new Set(progress.map((p) => p.exerciseId))].sort();
  const submissions = await prisma.submission.findMany({
    where: { userId: { in: studentIds }, exerciseId: { in: ids }, status: { not: "pass" } },
    select: { userId: true, exerciseId: true, resultJson: true },
  });
  const counts = await prisma.submission.groupBy({
    by: ["exerciseId"],
    where: { userId: { in: studentIds }, exerciseId: { in: ids } },
    _count: { _all: true },
  });
  const submissionCount = new Map(counts.map((c) => [c.exerciseId, c._count._all]));

  // exerciseId -> check name -> { failures, students }
  const failing = new Map<string, Map<string, { failures: number; students: Set<string> }>>();
  for (const s of submissions) {
    const checks = failing.get(s.exerciseId) ?? new Map();
    failing.set(s.exerciseId, checks);
    for (const test of toResult(s.resultJson).tests) {
      if (test.status === "pass" || typeof test.name !== "string") continue;
      const entry = checks.get(test.name) ?? { failures: 0, students: new Set<string>() };
      entry.failures++;
      entry.students.add(s.userId);
      checks.set(test.name, entry);
    }
  }

  return ids.map((exerciseId) => {
    const rows = progress.filter((p) => p.exerciseId === exerciseId);
    const passed = rows.filter((p) => p.status === "pass").length;
    const failingChecks: FailingCheck[] = [...(failing.get(exerciseId) ?? new Map()).entries()]
      .map(([name, e]) => ({ name, failures: e.failures, students: e.students.size }))
      .sort((a, b) => b.students - a.students || b.failures - a.failures || a.name.localeCompare(b.name))
      .slice(0, FAILING_CHECKS_SHOWN);
    return {
      exerciseId,
      students: students.length,
      attempted: rows.length,
      passed,
      passRate: students.length === 0 ? 0 : passed / students.length,
      submissions: submissionCount.get(exerciseId) ?? 0,
      failingChecks,
    };
  });
}
