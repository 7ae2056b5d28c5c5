// Prisma CLI configuration for the PostgreSQL twin schema (see ../prisma.config.ts).
//
// `generate` and `migrate diff --from-schema-datamodel` never connect, but the offline (JS)
// schema engine still wants a driver adapter configured. PRISMA_PG_URL (default
// postgresql://interleave:interleave@127.0.0.1:5432/interleave) is only used by commands that
// connect. Adapter-pg 6.19 in the CLI needs discrete fields, not a connection string.
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

const url = new URL(
  process.env.PRISMA_PG_URL ?? "postgresql://interleave:interleave@127.0.0.1:5432/interleave",
);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "schema.prisma",
  migrations: { path: "migrations" },
  adapter: async () =>
    new PrismaPg({
      host: url.hostname,
      port: Number(url.port || 5432),
      user: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
      database: url.pathname.slice(1),
    }),
});
