// People: reading one's own account, and making a teacher (an operator's action, from the CLI).

import { z } from "zod";
import { type Database, prismaOf } from "./database";
import { NotFoundError } from "./errors";
import { toUser } from "./rows";
import type { Actor, Role, UserSummary } from "./types";
import { parse, requireActor } from "./validation";

/** The acting user's account, or null if it no longer exists. */
export async function currentUser(
  db: Database,
  actor: Actor | null | undefined,
): Promise<UserSummary | null> {
  const who = requireActor(actor);
  const row = await prismaOf(db).user.findUnique({ where: { id: who.id } });
  return row ? toUser(row) : null;
}

/**
 * Sets the role of the account with this email. Not an action any signed-in user can reach:
 * only the operator's `npm run db:promote -w @interleave/db -- EMAIL` calls it.
 * @throws NotFoundError if nobody has signed up with this email.
 */
export async function setRoleByEmail(db: Database, email: string, role: Role): Promise<UserSummary> {
  const address = parse(z.email(), email.trim().toLowerCase());
  const prisma = prismaOf(db);
  const user = await prisma.user.findUnique({ where: { email: address } });
  if (!user) throw new NotFoundError(`Nobody has signed up as ${address}: sign up first, then promote.`);
  return toUser(
    await prisma.user.update({
      where: { id: user.id },
      data: { role: parse(z.enum(["student", "teacher"]), role) },
    }),
  );
}
