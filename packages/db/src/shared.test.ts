import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { prismaOf } from "./database";
import { closeSharedDatabases, sharedDatabase } from "./shared";

/** A second copy of the package, as a bundler that includes it twice would make. */
async function anotherCopy() {
  vi.resetModules();
  const copy = await import("./index");
  const { prismaOf: copyPrismaOf } = await import("./database");
  vi.resetModules();
  return { ...copy, prismaOf: copyPrismaOf };
}

describe("sharedDatabase", () => {
  const dir = mkdtempSync(join(tmpdir(), "interleave-shared-"));
  afterAll(async () => {
    await closeSharedDatabases();
    rmSync(dir, { recursive: true, force: true });
  });

  it("creates, migrates and opens a database once, whoever asks first", async () => {
    const url = `file:${join(dir, "nested", "app.db")}`;
    const [a, b] = await Promise.all([sharedDatabase(url), sharedDatabase(url)]);
    expect(a).toBe(b);
    expect(await prismaOf(a).user.count()).toBe(0);
  });

  it("gives every copy of the package the same handle, usable with that copy's functions", async () => {
    const url = `file:${join(dir, "copies.db")}`;
    const first = await sharedDatabase(url);
    const copy = await anotherCopy();
    expect(copy.sharedDatabase).not.toBe(sharedDatabase);
    const second = await copy.sharedDatabase(url);
    expect(second).toBe(first);
    // A handle opened by this copy works with the other's functions, and the reverse.
    await prismaOf(first).user.create({ data: { id: "u1", email: "a@school.example", name: "A" } });
    const actor = { id: "u1", role: "student" as const };
    await copy.saveDraft(second, actor, { exerciseId: "12-asyncio/three-clients", code: "mine" });
    expect((await copy.getDraft(first, actor, "12-asyncio/three-clients"))?.code).toBe("mine");
    expect(await copy.prismaOf(first).draft.count()).toBe(1);
    // A different URL is a different database.
    const other = await copy.sharedDatabase(`file:${join(dir, "other.db")}`);
    expect(other).not.toBe(first);
    expect(await prismaOf(other).user.count()).toBe(0);
  });

  it("closes every copy's databases from any copy", async () => {
    const url = `file:${join(dir, "closing.db")}`;
    const copy = await anotherCopy();
    const db = await copy.sharedDatabase(url);
    await closeSharedDatabases();
    expect(() => prismaOf(db)).toThrow(/closed/);
    const reopened = await sharedDatabase(url);
    expect(reopened).not.toBe(db);
    expect(await copy.prismaOf(reopened).user.count()).toBe(0);
  });

  it("does not cache a failed start", async () => {
    await expect(sharedDatabase("mysql://nope")).rejects.toThrow(/Unsupported database URL/);
    await expect(sharedDatabase("mysql://nope")).rejects.toThrow(/Unsupported database URL/);
  });
});
