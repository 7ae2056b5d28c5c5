import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { prismaOf } from "./database";
import { closeSharedDatabases, sharedDatabase } from "./shared";

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

  it("does not cache a failed start", async () => {
    await expect(sharedDatabase("mysql://nope")).rejects.toThrow(/Unsupported database URL/);
    await expect(sharedDatabase("mysql://nope")).rejects.toThrow(/Unsupported database URL/);
  });
});
