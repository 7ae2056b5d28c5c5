// A fast path under Prisma for the few hot statements: hand-written SQL run straight on the
// driver adapter Prisma itself uses (the same connection on SQLite, the same pool on
// PostgreSQL), skipping the query compiler, which costs several times the statement here.
//
// Statements are written once with `?` placeholders (numbered $1.. for PostgreSQL by `toPg`)
// in SQL both databases accept. The adapter's own transaction (its mutex on SQLite, a pooled
// connection on PostgreSQL) is used; as with Prisma's engine, COMMIT and ROLLBACK are ours to
// send, the adapter's commit()/rollback() only release. Values come back as the driver gives
// them, so readers normalise them (`asDate`, `asNumber`).
import type {
  ArgType,
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  SqlQueryable,
} from "@prisma/driver-adapter-utils";
import type { Provider } from "./database";

/** A factory that hands Prisma, and us, one shared adapter. */
export class SharedAdapterFactory implements SqlDriverAdapterFactory {
  readonly provider: SqlDriverAdapterFactory["provider"];
  readonly adapterName: string;
  #adapter: Promise<SqlDriverAdapter> | undefined;
  constructor(private readonly inner: SqlDriverAdapterFactory) {
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
  }
  connect(): Promise<SqlDriverAdapter> {
    this.#adapter ??= this.inner.connect();
    return this.#adapter;
  }
}

export type SqlValue = string | number | boolean | Date | null;

function argType(value: SqlValue): ArgType {
  if (value instanceof Date) return { scalarType: "datetime", arity: "scalar" };
  if (typeof value === "number")
    return { scalarType: Number.isInteger(value) ? "int" : "float", arity: "scalar" };
  if (typeof value === "boolean") return { scalarType: "boolean", arity: "scalar" };
  if (typeof value === "string") return { scalarType: "string", arity: "scalar" };
  return { scalarType: "unknown", arity: "scalar" };
}

/** `?` placeholders to PostgreSQL's $1, $2, ... (our statements have no `?` in literals). */
function toPg(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

export interface Sql {
  execute(sql: string, args?: SqlValue[]): Promise<number>;
  query(sql: string, args?: SqlValue[]): Promise<Array<Record<string, unknown>>>;
}

function over(queryable: SqlQueryable, provider: Provider): Sql {
  const request = (sql: string, args: SqlValue[]) => ({
    sql: provider === "postgresql" ? toPg(sql) : sql,
    args,
    argTypes: args.map(argType),
  });
  return {
    execute: (sql, args = []) => queryable.executeRaw(request(sql, args)),
    async query(sql, args = []) {
      const result = await queryable.queryRaw(request(sql, args));
      return result.rows.map((row) =>
        Object.fromEntries(result.columnNames.map((name, i) => [name, row[i]])),
      );
    },
  };
}

/** Runs `work` in one transaction on the shared adapter; rolls back if it throws. */
export async function inTransaction<T>(
  factory: SharedAdapterFactory,
  provider: Provider,
  work: (sql: Sql) => Promise<T>,
): Promise<T> {
  const adapter = await factory.connect();
  const tx = await adapter.startTransaction();
  const sql = over(tx, provider);
  try {
    const value = await work(sql);
    await sql.execute("COMMIT");
    await tx.commit();
    return value;
  } catch (error) {
    try {
      await sql.execute("ROLLBACK");
    } finally {
      await tx.rollback();
    }
    throw error;
  }
}

/** A timestamp as either driver returns it (Date, ISO text, or PostgreSQL text without zone). */
export function asDate(value: unknown): Date | null {
  if (value == null) return null;
  if (value instanceof Date) return value;
  if (typeof value === "number" || typeof value === "bigint") return new Date(Number(value));
  const text = String(value).replace(" ", "T");
  return new Date(/(Z|[+-]\d\d:?\d\d)$/.test(text) ? text : `${text}Z`);
}

export function asNumber(value: unknown): number {
  return typeof value === "number" ? value : Number(value);
}
