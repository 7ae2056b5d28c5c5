// `npm run migration:new -w @interleave/db -- NAME`: after editing the models in both
// prisma/schema.prisma and prisma/postgres/schema.prisma, writes one new migration folder per
// database, <timestamp>_NAME/migration.sql, with the SQL that takes the committed schema (git
// HEAD) to the edited one. Uses `prisma migrate diff --from-schema-datamodel`, which needs no
// shadow database (`prisma migrate dev` cannot run offline here). Review the SQL, then run
// `npm run generate -w @interleave/db` and the tests.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run migration:new -w @interleave/db -- name_in_snake_case");
  process.exit(2);
}
const pkg = join(dirname(fileURLToPath(import.meta.url)), "..");
const repo = join(pkg, "../..");
const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
const scratch = mkdtempSync(join(tmpdir(), "interleave-migration-"));
const env = { ...process.env, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" };

for (const flavour of [
  { schema: "prisma/schema.prisma", config: "prisma/prisma.config.ts", dir: "prisma/migrations" },
  {
    schema: "prisma/postgres/schema.prisma",
    config: "prisma/postgres/prisma.config.ts",
    dir: "prisma/postgres/migrations",
  },
]) {
  let from = ["--from-empty"];
  try {
    const committed = execFileSync("git", ["show", `HEAD:${flavour.schema}`], {
      cwd: repo,
      encoding: "utf8",
    });
    const file = join(scratch, `${flavour.dir.replace(/\//g, "_")}.prisma`);
    writeFileSync(file, committed);
    from = ["--from-schema-datamodel", file];
  } catch {
    // not committed yet: diff from an empty database
  }
  const sql = execFileSync(
    "npx",
    [
      "prisma",
      "migrate",
      "diff",
      "--config",
      join(repo, flavour.config),
      ...from,
      "--to-schema-datamodel",
      join(repo, flavour.schema),
      "--script",
    ],
    { cwd: pkg, env, encoding: "utf8" },
  );
  if (/^\s*(--.*\n)*\s*-- This is an empty migration\.\s*$/.test(sql) || sql.trim() === "") {
    console.log(`${flavour.dir}: no change`);
    continue;
  }
  const folder = join(repo, flavour.dir, `${stamp}_${name}`);
  if (existsSync(folder)) throw new Error(`${folder} exists`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, "migration.sql"), sql);
  console.log(
    `wrote ${join(flavour.dir, `${stamp}_${name}`, "migration.sql")} (${readFileSync(join(folder, "migration.sql")).length} bytes)`,
  );
}
