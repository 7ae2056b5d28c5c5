// Prisma rows to domain types. The only place that knows both shapes.
import type {
  Classroom,
  Draft as DraftRow,
  Progress as ProgressRow,
  Submission as SubmissionRow,
  User as UserRow,
} from "./generated/sqlite/client";
import type {
  ClassSummary,
  DraftRecord,
  ProgressRecord,
  ResultsV3,
  Role,
  SubmissionRecord,
  SubmissionStatus,
  UserSummary,
} from "./types";

const STATUSES: readonly string[] = ["pass", "fail", "error"];

export function toStatus(value: string): SubmissionStatus {
  return (STATUSES.includes(value) ? value : "error") as SubmissionStatus;
}

export function toRole(value: string): Role {
  return value === "teacher" ? "teacher" : "student";
}

/** The stored results.json; a row that does not parse reads as an error result, never a throw. */
export function toResult(json: string): ResultsV3 {
  try {
    const value = JSON.parse(json) as ResultsV3;
    if (value && value.version === 3 && Array.isArray(value.tests)) return value;
  } catch {
    // fall through
  }
  return { version: 3, status: "error", message: "The stored result could not be read.", tests: [] };
}

export function toUser(row: UserRow): UserSummary {
  return { id: row.id, email: row.email, name: row.name, role: toRole(row.role), createdAt: row.createdAt };
}

export function toSubmission(row: SubmissionRow): SubmissionRecord {
  return {
    id: row.id,
    userId: row.userId,
    exerciseId: row.exerciseId,
    code: row.code,
    status: toStatus(row.status),
    score: row.score,
    result: toResult(row.resultJson),
    gradingMs: row.gradingMs,
    createdAt: row.createdAt,
  };
}

export function toProgress(row: ProgressRow): ProgressRecord {
  return {
    exerciseId: row.exerciseId,
    status: toStatus(row.status),
    bestScore: row.bestScore,
    attempts: row.attempts,
    firstPassedAt: row.firstPassedAt,
    updatedAt: row.updatedAt,
  };
}

export function toDraft(row: DraftRow): DraftRecord {
  return { exerciseId: row.exerciseId, code: row.code, updatedAt: row.updatedAt };
}

/** What to load with a classroom to summarise it. */
export const classroomSummaryInclude = {
  teacher: { select: { id: true, name: true } },
  _count: { select: { members: true } },
} as const;

export type ClassroomWithSummary = Classroom & {
  teacher: { id: string; name: string };
  _count: { members: number };
};

/** A class as its teacher (with the join code) or a student (without) sees it. */
export function toClassSummary(row: ClassroomWithSummary, showJoinCode: boolean): ClassSummary {
  return {
    id: row.id,
    name: row.name,
    joinCode: showJoinCode ? row.joinCode : null,
    teacher: { id: row.teacher.id, name: row.teacher.name },
    studentCount: row._count.members,
    createdAt: row.createdAt,
  };
}
