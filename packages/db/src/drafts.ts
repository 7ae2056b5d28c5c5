// The editor's autosave: one draft per user and exercise, overwritten on each save.
import { type Database, prismaOf } from "./database";
import { UnauthenticatedError } from "./errors";
import { isForeignKeyViolation } from "./prisma-errors";
import { toDraft } from "./rows";
import type { Actor, DraftRecord } from "./types";
import { draftInputSchema, exerciseIdSchema, parse, requireActor } from "./validation";

/**
 * Saves the acting user's draft of an exercise (at most `limits.codeChars` characters).
 * @throws UnauthenticatedError for anonymous callers, InvalidError for bad ids or oversized code.
 */
export async function saveDraft(
  db: Database,
  actor: Actor | null | undefined,
  input: { exerciseId: string; code: string },
): Promise<DraftRecord> {
  const who = requireActor(actor);
  const { exerciseId, code } = parse(draftInputSchema, input);
  try {
    const row = await prismaOf(db).draft.upsert({
      where: { userId_exerciseId: { userId: who.id, exerciseId } },
      create: { userId: who.id, exerciseId, code },
      update: { code },
    });
    return toDraft(row);
  } catch (error) {
    if (isForeignKeyViolation(error)) throw new UnauthenticatedError("Your account no longer exists.");
    throw error;
  }
}

/** The acting user's draft of an exercise, or null if they have none. */
export async function getDraft(
  db: Database,
  actor: Actor | null | undefined,
  exerciseId: string,
): Promise<DraftRecord | null> {
  const who = requireActor(actor);
  const id = parse(exerciseIdSchema, exerciseId);
  const row = await prismaOf(db).draft.findUnique({
    where: { userId_exerciseId: { userId: who.id, exerciseId: id } },
  });
  return row ? toDraft(row) : null;
}
