// Recognising constraint violations in Prisma's errors, from model queries (P2002/P2003), from
// raw statements (P2010, with the driver adapter's error kind in meta) and from the adapter
// itself (its DriverAdapterError's cause.kind), without depending on which client threw.

interface KnownError {
  code?: unknown;
  /** A DriverAdapterError thrown by the adapter itself (the hot paths in sql.ts). */
  cause?: { kind?: unknown };
  meta?: { driverAdapterError?: { cause?: { kind?: unknown } } };
}

function parts(error: unknown): { code?: string; kind?: string } {
  if (typeof error !== "object" || error === null) return {};
  const e = error as KnownError;
  const kind = e.meta?.driverAdapterError?.cause?.kind ?? e.cause?.kind;
  return {
    code: typeof e.code === "string" ? e.code : undefined,
    kind: typeof kind === "string" ? kind : undefined,
  };
}

/** A unique constraint was violated. */
export function isUniqueViolation(error: unknown): boolean {
  const { code, kind } = parts(error);
  return code === "P2002" || kind === "UniqueConstraintViolation";
}

/** A foreign key pointed nowhere, e.g. the acting user was deleted. */
export function isForeignKeyViolation(error: unknown): boolean {
  const { code, kind } = parts(error);
  return code === "P2003" || kind === "ForeignKeyConstraintViolation";
}
