// Fixed-window rate limits kept in the database (the RateLimit table better-auth also uses), so
// every app instance shares one count: e.g. `consumeRateLimit(db, "submit:" + userId, ...)`.
import { type Database, prismaOf } from "./database";
import { RateLimitedError } from "./errors";
import { isUniqueViolation } from "./prisma-errors";

export interface RateLimitRule {
  /** Window length in milliseconds. */
  windowMs: number;
  /** Requests allowed per window. */
  max: number;
}

/**
 * Counts one request against `key`.
 * @throws RateLimitedError (with retryAfterMs) when the window's allowance is used up.
 */
export async function consumeRateLimit(db: Database, key: string, rule: RateLimitRule, now = Date.now()) {
  const prisma = prismaOf(db);
  const fullKey = `app:${key}`;
  for (let attempt = 0; ; attempt++) {
    try {
      await prisma.$transaction(async (tx) => {
        const row = await tx.rateLimit.findUnique({ where: { key: fullKey } });
        if (!row) {
          await tx.rateLimit.create({
            data: { id: crypto.randomUUID(), key: fullKey, count: 1, lastRequest: BigInt(now) },
          });
          return;
        }
        const started = Number(row.lastRequest);
        if (now - started >= rule.windowMs) {
          await tx.rateLimit.update({
            where: { key: fullKey },
            data: { count: 1, lastRequest: BigInt(now) },
          });
          return;
        }
        // Conditional increment: two instances racing on the last slot cannot both take it.
        const { count } = await tx.rateLimit.updateMany({
          where: { key: fullKey, count: { lt: rule.max } },
          data: { count: { increment: 1 } },
        });
        if (count === 0) throw new RateLimitedError(started + rule.windowMs - now);
      });
      return;
    } catch (error) {
      if (isUniqueViolation(error) && attempt < 3) continue;
      throw error;
    }
  }
}
