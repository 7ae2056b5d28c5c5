// Creating and migrating a database in code, at start-up, without the Prisma CLI.
//
// The committed migrations (prisma/migrations for SQLite, prisma/postgres/migrations for
// PostgreSQL) are embedded by `npm run generate` and applied in name order, each in its own
// transaction, and recorded in `_prisma_migrations` exactly as `prisma migrate deploy` records
// them (same table, sha256 checksum of migration.sql), so the CLI's `migrate status`/`deploy`
// agree with us and either can take over. Concurrent starters are serialised: on PostgreSQL by
// the advisory lock the Prisma CLI itself uses (72707369), on SQLite by BEGIN IMMEDIATE.
// Deliberately left out: down-migrations and `migrate resolve` (use the CLI for repairs); a
// migration recorded as failed stops start-up with a MigrationError, as the CLI would.
import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import BetterSqlite3 from "better-sqlite3";
import { providerOf, redact, sqlitePath } from "./database";
import { MigrationError } from "./errors";
import { migrations } from "./generated/migrations";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";

interface Migration {
  readonly name: string;
  readonly checksum: string;
  readonly sql: string;
}

export interface MigrateResult {
  /** Names of the migrations applied by this call, in order. */
  applied: string[];
}

const PRISMA_ADVISORY_LOCK = 72707369;

/** Creates the database if needed and applies every pending migration. Safe to call on each start. */
export async function migrate(url: string): Promise<MigrateResult> {
  return providerOf(url) === "sqlite"
    ? migrateSqlite(url, migrations.sqlite)
    : migratePostgres(url, migrations.postgresql);
}

/** The names of the migrations this build knows, per database, in order. */
export function knownMigrations(): { sqlite: string[]; postgresql: string[] } {
  return {
    sqlite: migrations.sqlite.map((m) => m.name),
    postgresql: migrations.postgresql.map((m) => m.name),
  };
}

interface AppliedRow {
  migration_name: string;
  finished_at: unknown;
  rolled_back_at: unknown;
}

/** What is left to apply, or a MigrationError if a recorded migration failed half-way. */
function pending(all: readonly Migration[], rows: AppliedRow[], where: string): Migration[] {
  const failed = rows.find((row) => row.finished_at == null && row.rolled_back_at == null);
  if (failed) {
    throw new MigrationError(
      `Migration ${failed.migration_name} failed earlier on ${where}; repair it with ` +
        "`prisma migrate resolve` (see docs/data.md) before starting the app.",
    );
  }
  const done = new Set(rows.filter((row) => row.finished_at != null).map((row) => row.migration_name));
  return all.filter((m) => !done.has(m.name));
}

const SQLITE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

function migrateSqlite(url: string, all: readonly Migration[]): MigrateResult {
  const path = sqlitePath(url);
  mkdirSync(dirname(path), { recursive: true });
  const sqlite = new BetterSqlite3(path, { timeout: 15_000 });
  const applied: string[] = [];
  try {
    sqlite.pragma("journal_mode = WAL");
    sqlite.exec(SQLITE_TABLE);
    for (;;) {
      // Each migration in its own IMMEDIATE transaction, re-reading what is applied under the
      // write lock, so two processes starting together apply each migration once.
      const next = sqlite
        .transaction(() => {
          const rows = sqlite
            .prepare(`SELECT migration_name, finished_at, rolled_back_at FROM "_prisma_migrations"`)
            .all() as AppliedRow[];
          const [migration] = pending(all, rows, path);
          if (!migration) return null;
          const startedAt = new Date().toISOString();
          sqlite.exec(migration.sql);
          sqlite
            .prepare(
              `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
               VALUES (?, ?, ?, ?, ?, 1)`,
            )
            .run(randomUUID(), migration.checksum, new Date().toISOString(), migration.name, startedAt);
          return migration.name;
        })
        .immediate();
      if (next === null) break;
      applied.push(next);
    }
  } catch (error) {
    if (error instanceof MigrationError) throw error;
    throw new MigrationError(`Migrating ${path} failed: ${(error as Error).message}`, { cause: error });
  } finally {
    sqlite.close();
  }
  return { applied };
}

const POSTGRES_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

async function migratePostgres(url: string, all: readonly Migration[]): Promise<MigrateResult> {
  // Through Prisma's own client and adapter: a raw statement without parameters goes over
  // PostgreSQL's simple query protocol, which runs a whole multi-statement migration script.
  const client = new PostgresClient({ adapter: new PrismaPg({ connectionString: url, max: 1 }) });
  const applied: string[] = [];
  try {
    for (;;) {
      const next = await client.$transaction(
        async (tx) => {
          await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${PRISMA_ADVISORY_LOCK})`);
          await tx.$executeRawUnsafe(POSTGRES_TABLE);
          const rows = await tx.$queryRawUnsafe<AppliedRow[]>(
            `SELECT migration_name, finished_at, rolled_back_at FROM "_prisma_migrations"`,
          );
          const [migration] = pending(all, rows, redact(url));
          if (!migration) return null;
          const startedAt = new Date();
          await tx.$executeRawUnsafe(migration.sql);
          await tx.$executeRawUnsafe(
            `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
             VALUES ($1, $2, now(), $3, $4, 1)`,
            randomUUID(),
            migration.checksum,
            migration.name,
            startedAt,
          );
          return migration.name;
        },
        { maxWait: 60_000, timeout: 120_000 },
      );
      if (next === null) break;
      applied.push(next);
    }
  } catch (error) {
    if (error instanceof MigrationError) throw error;
    throw new MigrationError(`Migrating ${redact(url)} failed: ${(error as Error).message}`, {
      cause: error,
    });
  } finally {
    await client.$disconnect();
  }
  return { applied };
}
