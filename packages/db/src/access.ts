// Authorization. Every rule is checked against what the database records (who owns a class,
// who is a member, who is a teacher now), never against a claim the caller passes in: the
// Actor only says who is acting. A student reads and changes only their own rows; a teacher
// reads only the students of classes they teach.
import type { Prisma } from "./database";
import { ForbiddenError, NotFoundError, UnauthenticatedError } from "./errors";
import { type ClassroomWithSummary, classroomSummaryInclude } from "./rows";
import type { Actor } from "./types";
import { idSchema, parse, requireActor } from "./validation";

/** The acting user, who must exist and be a teacher now (a demoted teacher loses access). */
export async function requireTeacher(prisma: Prisma, actor: Actor | null | undefined): Promise<Actor> {
  const who = requireActor(actor);
  const user = await prisma.user.findUnique({ where: { id: who.id }, select: { role: true } });
  if (!user) throw new UnauthenticatedError("Your account no longer exists: sign in again.");
  if (user.role !== "teacher") throw new ForbiddenError("Only teachers can do this.");
  return who;
}

/** The class, if `actor` is a teacher and teaches it. Another teacher's class reads as forbidden. */
export async function requireOwnClass(
  prisma: Prisma,
  actor: Actor | null | undefined,
  classId: unknown,
): Promise<{ teacher: Actor; classroom: ClassroomWithSummary }> {
  const teacher = await requireTeacher(prisma, actor);
  const id = parse(idSchema, classId);
  const classroom = await prisma.classroom.findUnique({ where: { id }, include: classroomSummaryInclude });
  if (!classroom) throw new NotFoundError("No such class.");
  if (classroom.teacherId !== teacher.id) throw new ForbiddenError("This is not one of your classes.");
  return { teacher, classroom };
}

/** `studentId` is a member of the teacher's class `classId`. */
export async function requireStudentOfOwnClass(
  prisma: Prisma,
  actor: Actor | null | undefined,
  classId: unknown,
  studentId: unknown,
): Promise<{ teacher: Actor; classroom: ClassroomWithSummary; studentId: string }> {
  const { teacher, classroom } = await requireOwnClass(prisma, actor, classId);
  const id = parse(idSchema, studentId);
  const member = await prisma.membership.findUnique({
    where: { classroomId_studentId: { classroomId: classroom.id, studentId: id } },
  });
  if (!member) throw new NotFoundError("This student is not in your class.");
  return { teacher, classroom, studentId: id };
}
