import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { defaultDatabaseUrl, providerOf, redact, sqlitePath } from "./database";
import { InvalidError } from "./errors";

describe("database URLs", () => {
  it("choose the database by scheme", () => {
    expect(providerOf("file:./x.db")).toBe("sqlite");
    expect(providerOf("postgresql://u:p@localhost/db")).toBe("postgresql");
    expect(providerOf("postgres://u:p@localhost/db")).toBe("postgresql");
    expect(() => providerOf("mysql://localhost/db")).toThrow(InvalidError);
  });

  it("resolve SQLite paths", () => {
    expect(sqlitePath("file:/abs/app.db")).toBe("/abs/app.db");
    expect(sqlitePath("file:///abs/app.db")).toBe("/abs/app.db");
    expect(sqlitePath("file:rel.db?mode=rw")).toBe(`${process.cwd()}/rel.db`);
  });

  it("never show a password", () => {
    expect(redact("postgresql://me:s3cr3t@db:5432/x")).toBe("postgresql://me:***@db:5432/x");
    expect(redact("file:/a.db")).toBe("file:/a.db");
  });

  it("default to data/interleave.db at the repository root, from any folder inside it", () => {
    const repo = fileURLToPath(new URL("../../../", import.meta.url)).replace(/\/$/, "");
    expect(defaultDatabaseUrl(`${repo}/apps/web`)).toBe(`file:${repo}/data/interleave.db`);
    expect(defaultDatabaseUrl(repo)).toBe(`file:${repo}/data/interleave.db`);
  });
});
