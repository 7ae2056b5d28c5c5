// Classes: a teacher creates one (with a random join code), students join it with the code,
// and the teacher reads their students' progress as a grid and one student's submissions.

import { requireOwnClass, requireStudentOfOwnClass, requireTeacher } from "./access";
import { type Database, type Prisma, prismaOf } from "./database";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError, UnauthenticatedError } from "./errors";
import { generateJoinCode, normalizeJoinCode } from "./join-code";
import { isForeignKeyViolation, isUniqueViolation } from "./prisma-errors";
import {
  type ClassroomWithSummary,
  classroomSummaryInclude,
  toClassSummary,
  toStatus,
  toSubmission,
} from "./rows";
import type { Actor, ClassGrid, ClassSummary, GridCell, StudentSummary, SubmissionRecord } from "./types";
import { classNameSchema, exerciseIdSchema, exerciseIdsSchema, parse, requireActor } from "./validation";

/**
 * Creates a class taught by the acting teacher, with a fresh join code.
 * @throws ForbiddenError unless the actor is a teacher; InvalidError for a bad name.
 */
export async function createClass(
  db: Database,
  actor: Actor | null | undefined,
  input: { name: string },
): Promise<ClassSummary> {
  const prisma = prismaOf(db);
  const teacher = await requireTeacher(prisma, actor);
  const name = parse(classNameSchema, input?.name);
  for (let attempt = 0; ; attempt++) {
    try {
      const row = await prisma.classroom.create({
        data: { name, joinCode: generateJoinCode(), teacherId: teacher.id },
        include: classroomSummaryInclude,
      });
      return toClassSummary(row, true);
    } catch (error) {
      if (isUniqueViolation(error) && attempt < 5) continue;
      throw error;
    }
  }
}

/**
 * Adds the acting student to the class with this join code.
 * @throws NotFoundError for an unknown code, ConflictError if already a member,
 *   ForbiddenError for teachers.
 */
export async function joinClass(
  db: Database,
  actor: Actor | null | undefined,
  code: string,
): Promise<ClassSummary> {
  const who = requireActor(actor);
  const joinCode = normalizeJoinCode(code);
  if (!joinCode) {
    throw new InvalidError("A join code is 8 letters and digits, like K7QP-M2XD.", {
      code: "Not a join code.",
    });
  }
  const prisma = prismaOf(db);
  const user = await prisma.user.findUnique({ where: { id: who.id }, select: { role: true } });
  if (!user) throw new UnauthenticatedError("Your account no longer exists: sign in again.");
  if (user.role !== "student") throw new ForbiddenError("Teachers cannot join classes as students.");
  const classroom = await prisma.classroom.findUnique({
    where: { joinCode },
    include: classroomSummaryInclude,
  });
  if (!classroom) throw new NotFoundError("No class has this join code.");
  try {
    await prisma.membership.create({ data: { classroomId: classroom.id, studentId: who.id } });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError("You are already in this class.");
    if (isForeignKeyViolation(error)) throw new NotFoundError("No class has this join code.");
    throw error;
  }
  return toClassSummary({ ...classroom, _count: { members: classroom._count.members + 1 } }, false);
}

/** The classes the actor teaches (with join codes) or, for a student, the classes they are in. */
export async function listClasses(db: Database, actor: Actor | null | undefined): Promise<ClassSummary[]> {
  const who = requireActor(actor);
  const prisma = prismaOf(db);
  const [taught, joined] = await Promise.all([
    prisma.classroom.findMany({
      where: { teacherId: who.id },
      include: classroomSummaryInclude,
      orderBy: { createdAt: "asc" },
    }),
    prisma.classroom.findMany({
      where: { members: { some: { studentId: who.id } } },
      include: classroomSummaryInclude,
      orderBy: { createdAt: "asc" },
    }),
  ]);
  return [...taught.map((c) => toClassSummary(c, true)), ...joined.map((c) => toClassSummary(c, false))];
}

/** The class's students (by name) and their progress rows. Package-internal. */
export async function loadClass(prisma: Prisma, classroom: ClassroomWithSummary) {
  const members = await prisma.membership.findMany({
    where: { classroomId: classroom.id },
    include: { student: { select: { id: true, name: true, email: true } } },
  });
  const students: StudentSummary[] = members
    .map((m) => ({ id: m.student.id, name: m.student.name, email: m.student.email, joinedAt: m.joinedAt }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.email.localeCompare(b.email));
  const progress = await prisma.progress.findMany({ where: { userId: { in: students.map((s) => s.id) } } });
  return { students, progress };
}

/**
 * The teacher's grid: every student of the class x every exercise, with status and attempts.
 * Columns are `exerciseIds` (the course's order) if given, else every exercise anyone submitted.
 * @throws ForbiddenError unless the actor teaches this class.
 */
export async function classGrid(
  db: Database,
  actor: Actor | null | undefined,
  classId: string,
  exerciseIds?: string[],
): Promise<ClassGrid> {
  const prisma = prismaOf(db);
  const { classroom } = await requireOwnClass(prisma, actor, classId);
  const columns = parse(exerciseIdsSchema, exerciseIds);
  const { students, progress } = await loadClass(prisma, classroom);
  const ids = columns ?? [...new Set(progress.map((p) => p.exerciseId))].sort();
  const byStudent = new Map<string, Map<string, (typeof progress)[number]>>();
  for (const p of progress) {
    if (!byStudent.has(p.userId)) byStudent.set(p.userId, new Map());
    byStudent.get(p.userId)!.set(p.exerciseId, p);
  }
  const rows = students.map((student) => {
    const cells: Record<string, GridCell> = {};
    let passed = 0;
    for (const id of ids) {
      const p = byStudent.get(student.id)?.get(id);
      cells[id] = p
        ? {
            status: toStatus(p.status),
            attempts: p.attempts,
            bestScore: p.bestScore,
            firstPassedAt: p.firstPassedAt,
          }
        : { status: "not-started", attempts: 0, bestScore: 0, firstPassedAt: null };
      if (p?.status === "pass") passed++;
    }
    return { student, cells, passed };
  });
  return {
    classroom: toClassSummary({ ...classroom, _count: { members: students.length } }, true),
    exerciseIds: ids,
    rows,
  };
}

/**
 * One student's submissions (newest first, at most 100), optionally of one exercise, for the
 * teacher of a class the student is in.
 * @throws ForbiddenError unless the actor teaches this class; NotFoundError if the student is not in it.
 */
export async function studentSubmissions(
  db: Database,
  actor: Actor | null | undefined,
  classId: string,
  studentId: string,
  exerciseId?: string,
): Promise<SubmissionRecord[]> {
  const prisma = prismaOf(db);
  const { studentId: id } = await requireStudentOfOwnClass(prisma, actor, classId, studentId);
  const exercise = exerciseId === undefined ? undefined : parse(exerciseIdSchema, exerciseId);
  const rows = await prisma.submission.findMany({
    where: { userId: id, ...(exercise ? { exerciseId: exercise } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100,
  });
  return rows.map(toSubmission);
}
