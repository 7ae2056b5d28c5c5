// Submissions and progress. Recording a graded submission and updating the student's progress
// for that exercise is one transaction of two statements: insert the submission, then upsert the
// progress row (attempts + 1, best score = max, status "pass" once any submission passed, else
// the latest status, first-passed time set once) in a single INSERT ... ON CONFLICT DO UPDATE.
import { randomUUID } from "node:crypto";
import { adapterOf, type Database, prismaOf } from "./database";
import { InvalidError, UnauthenticatedError } from "./errors";
import { isForeignKeyViolation } from "./prisma-errors";
import { toProgress, toStatus, toSubmission } from "./rows";
import { asDate, asNumber, inTransaction } from "./sql";
import type { Actor, ProgressRecord, ResultsV3, SubmissionRecord } from "./types";
import { exerciseIdSchema, limits, parse, requireActor, submissionInputSchema } from "./validation";

export interface SubmissionInput {
  exerciseId: string;
  code: string;
  /** The grader's results.json (version 3). */
  result: unknown;
  gradingMs: number;
  /** 0..1; by default the share of checks that passed (1 for a pass without checks). */
  score?: number;
}

/** The most submissions a history list returns (newest first). */
export const HISTORY_LIMIT = 100;

/**
 * Stores a graded submission by the acting user and updates their progress, atomically.
 * @throws UnauthenticatedError for anonymous callers, InvalidError for malformed input.
 */
export async function recordSubmission(
  db: Database,
  actor: Actor | null | undefined,
  input: SubmissionInput,
): Promise<{ submission: SubmissionRecord; progress: ProgressRecord }> {
  const who = requireActor(actor);
  const data = parse(submissionInputSchema, input);
  const resultJson = JSON.stringify(data.result);
  if (resultJson.length > limits.resultChars) {
    const message = `The grading result is limited to ${limits.resultChars} characters.`;
    throw new InvalidError(`Invalid input: result: ${message}`, { result: message });
  }
  const tests = data.result.tests;
  const score =
    data.score ??
    (tests.length > 0
      ? tests.filter((t) => t.status === "pass").length / tests.length
      : data.result.status === "pass"
        ? 1
        : 0);
  const status = data.result.status;
  const passed = status === "pass";
  const now = new Date();
  const submissionId = randomUUID();
  try {
    const row = await inTransaction(adapterOf(db), db.provider, async (sql) => {
      await sql.execute(INSERT_SUBMISSION, [
        submissionId,
        who.id,
        data.exerciseId,
        data.code,
        status,
        score,
        resultJson,
        data.gradingMs,
        now,
      ]);
      const [progress] = await sql.query(UPSERT_PROGRESS, [
        randomUUID(),
        who.id,
        data.exerciseId,
        status,
        score,
        passed ? now : null,
        now,
      ]);
      return progress!;
    });
    const submission: SubmissionRecord = {
      id: submissionId,
      userId: who.id,
      exerciseId: data.exerciseId,
      code: data.code,
      status,
      score,
      result: data.result as ResultsV3,
      gradingMs: data.gradingMs,
      createdAt: now,
    };
    const progress: ProgressRecord = {
      exerciseId: data.exerciseId,
      status: toStatus(String(row.status)),
      bestScore: asNumber(row.bestScore),
      attempts: asNumber(row.attempts),
      firstPassedAt: asDate(row.firstPassedAt),
      updatedAt: asDate(row.updatedAt) ?? now,
    };
    return { submission, progress };
  } catch (error) {
    if (isForeignKeyViolation(error)) throw new UnauthenticatedError("Your account no longer exists.");
    throw error;
  }
}

// The hot path, in SQL that SQLite and PostgreSQL both accept, run on the driver adapter
// (sql.ts): each Prisma query costs a query-compiler pass, several times the statement itself.
// The upsert is atomic per row on both databases, so concurrent submits never lose an attempt.
const INSERT_SUBMISSION = `
  INSERT INTO "Submission" ("id", "userId", "exerciseId", "code", "status", "score", "resultJson", "gradingMs", "createdAt")
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`;

const UPSERT_PROGRESS = `
  INSERT INTO "Progress" ("id", "userId", "exerciseId", "status", "bestScore", "attempts", "firstPassedAt", "updatedAt")
  VALUES (?, ?, ?, ?, ?, 1, ?, ?)
  ON CONFLICT ("userId", "exerciseId") DO UPDATE SET
    "attempts" = "Progress"."attempts" + 1,
    "status" = CASE WHEN "Progress"."status" = 'pass' OR excluded."status" = 'pass' THEN 'pass' ELSE excluded."status" END,
    "bestScore" = CASE WHEN excluded."bestScore" > "Progress"."bestScore" THEN excluded."bestScore" ELSE "Progress"."bestScore" END,
    "firstPassedAt" = COALESCE("Progress"."firstPassedAt", excluded."firstPassedAt"),
    "updatedAt" = excluded."updatedAt"
  RETURNING "status", "bestScore", "attempts", "firstPassedAt", "updatedAt"`;

/** The acting user's submissions of one exercise, newest first (at most HISTORY_LIMIT). */
export async function listSubmissions(
  db: Database,
  actor: Actor | null | undefined,
  exerciseId: string,
): Promise<SubmissionRecord[]> {
  const who = requireActor(actor);
  const id = parse(exerciseIdSchema, exerciseId);
  const rows = await prismaOf(db).submission.findMany({
    where: { userId: who.id, exerciseId: id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: HISTORY_LIMIT,
  });
  return rows.map(toSubmission);
}

/** The acting user's progress on every exercise they have submitted, by exercise id. */
export async function progressByUser(
  db: Database,
  actor: Actor | null | undefined,
): Promise<ProgressRecord[]> {
  const who = requireActor(actor);
  const rows = await prismaOf(db).progress.findMany({
    where: { userId: who.id },
    orderBy: { exerciseId: "asc" },
  });
  return rows.map(toProgress);
}
