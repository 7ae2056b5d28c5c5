// Test helpers (not exported from index.ts): a fresh, migrated database per test file, on
// SQLite always and on PostgreSQL when DATABASE_URL_POSTGRES names a server (CI sets it with
// .ci/postgres.sh), plus quick ways to make users without going through sign-up.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { describe, it } from "vitest";
import { type Database, openDatabase, prismaOf } from "./database";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import { migrate } from "./migrate";
import type { Actor, ResultsV3, Role } from "./types";

export interface TestDatabase {
  db: Database;
  url: string;
  drop(): Promise<void>;
}

const POSTGRES_URL = process.env.DATABASE_URL_POSTGRES;

async function sqliteDatabase(): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), "interleave-db-"));
  const url = `file:${join(dir, "test.db")}`;
  await migrate(url);
  const db = await openDatabase({ url });
  return {
    db,
    url,
    async drop() {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function postgresDatabase(serverUrl: string): Promise<TestDatabase> {
  const name = `interleave_test_${randomUUID().replace(/-/g, "").slice(0, 16)}`;
  const admin = new PostgresClient({ adapter: new PrismaPg({ connectionString: serverUrl, max: 1 }) });
  await admin.$executeRawUnsafe(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await migrate(url.toString());
  const db = await openDatabase({ url: url.toString(), poolSize: 4 });
  return {
    db,
    url: url.toString(),
    async drop() {
      await db.close();
      await admin.$executeRawUnsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.$disconnect();
    },
  };
}

export interface Backend {
  name: "sqlite" | "postgresql";
  create(): Promise<TestDatabase>;
}

/** The backends to run a suite on. Without a PostgreSQL server, says so once per file. */
export function backends(): Backend[] {
  const list: Backend[] = [{ name: "sqlite", create: sqliteDatabase }];
  if (POSTGRES_URL) list.push({ name: "postgresql", create: () => postgresDatabase(POSTGRES_URL) });
  else {
    describe.skip("postgresql", () => {
      it("skipped: DATABASE_URL_POSTGRES is not set (.ci/postgres.sh starts a server and prints it)", () => {});
    });
  }
  return list;
}

/** A user straight in the database (sign-up is tested in auth.test.ts). */
export async function makeUser(db: Database, role: Role = "student", name?: string): Promise<Actor> {
  const id = randomUUID();
  await prismaOf(db).user.create({
    data: { id, email: `${id}@example.test`, name: name ?? `User ${id.slice(0, 6)}`, role },
  });
  return { id, role };
}

/** A results.json v3 with the given per-check statuses. */
export function result(tests: Record<string, "pass" | "fail" | "error">): ResultsV3 {
  const entries = Object.entries(tests);
  const status = entries.some(([, s]) => s === "error")
    ? "error"
    : entries.every(([, s]) => s === "pass")
      ? "pass"
      : "fail";
  return {
    version: 3,
    status,
    tests: entries.map(([name, s]) => ({
      name,
      status: s,
      message: s === "pass" ? null : `${name} failed`,
      output: "",
    })),
  };
}
