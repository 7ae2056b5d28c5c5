import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prismaOf } from "./database";
import { MigrationError } from "./errors";
import { knownMigrations, migrate } from "./migrate";
import { backends, type TestDatabase } from "./test-support";

describe.each(backends())("migrate on $name", (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await backend.create(); // created and migrated
  });
  afterAll(() => t?.drop());

  it("records every migration the way `prisma migrate deploy` does", async () => {
    const rows = await prismaOf(t.db).$queryRawUnsafe<Array<{ migration_name: string; checksum: string }>>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(knownMigrations()[backend.name]);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.checksum))).toBe(true);
  });

  it("is a no-op when up to date, even when started twice at once", async () => {
    const results = await Promise.all([migrate(t.url), migrate(t.url)]);
    expect(results).toEqual([{ applied: [] }, { applied: [] }]);
  });

  it("stops at a migration recorded as failed, as the Prisma CLI does", async () => {
    const prisma = prismaOf(t.db);
    await prisma.$executeRawUnsafe(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, applied_steps_count) VALUES ('x', 'c', '99999999999999_broken', 0)`,
    );
    try {
      await expect(migrate(t.url)).rejects.toThrow(MigrationError);
      await expect(migrate(t.url)).rejects.toThrow(/99999999999999_broken failed earlier/);
    } finally {
      await prisma.$executeRawUnsafe(`DELETE FROM "_prisma_migrations" WHERE id = 'x'`);
    }
  });

  it("leaves a working schema: every model can be queried", async () => {
    const prisma = prismaOf(t.db);
    const counts = await Promise.all([
      prisma.user.count(),
      prisma.session.count(),
      prisma.account.count(),
      prisma.verification.count(),
      prisma.rateLimit.count(),
      prisma.submission.count(),
      prisma.progress.count(),
      prisma.draft.count(),
      prisma.classroom.count(),
      prisma.membership.count(),
    ]);
    expect(counts.every((n) => n === 0)).toBe(true);
  });
});

describe("the twin schemas", () => {
  const models = (path: string) => {
    const text = readFileSync(new URL(path, import.meta.url), "utf8");
    return text.slice(text.indexOf("// --- people"));
  };

  it("declare identical models for SQLite and PostgreSQL", () => {
    expect(models("../../../prisma/postgres/schema.prisma")).toBe(models("../../../prisma/schema.prisma"));
  });

  it("have the same migrations, by name", () => {
    const { sqlite, postgresql } = knownMigrations();
    expect(sqlite.length).toBeGreaterThan(0);
    expect(postgresql).toEqual(sqlite);
  });
});
