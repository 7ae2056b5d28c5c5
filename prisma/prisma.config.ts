// Prisma CLI configuration for the SQLite schema (the default database).
//
// Prisma 6.19 with its WebAssembly schema engine and a driver adapter works fully offline
// (Prisma 7 and the binary engines need a download host this machine cannot reach); see
// docs/data.md. The app never runs the CLI: packages/db applies migrations itself. The CLI is
// for `generate` and for writing new migrations. PRISMA_SQLITE_URL picks the database the CLI
// commands act on (default: the app's data/interleave.db).
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";

const dataDir = fileURLToPath(new URL("../data/", import.meta.url));
const url = process.env.PRISMA_SQLITE_URL ?? `file:${dataDir}interleave.db`;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "schema.prisma",
  migrations: { path: "migrations" },
  adapter: async () => {
    mkdirSync(dataDir, { recursive: true });
    return new PrismaBetterSQLite3({ url });
  },
});
