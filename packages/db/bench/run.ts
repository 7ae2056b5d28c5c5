// `npm run bench -w @interleave/db`: submissions recorded per second (each one a submission
// insert plus a progress upsert in one transaction), on SQLite and, when DATABASE_URL_POSTGRES
// is set, on PostgreSQL. Sequential (one request at a time) and with 8 in flight, as a server
// handling several students would. Target: at least 500/s on SQLite. Pass a count to change N.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { type Database, openDatabase, prismaOf, redact } from "../src/database";
import { PrismaClient as PostgresClient } from "../src/generated/postgres/client";
import { migrate } from "../src/migrate";
import { recordSubmission } from "../src/submissions";
import type { Actor } from "../src/types";

const N = Number(process.argv[2] ?? 2000);
const STUDENTS = 50;
const EXERCISES = 20;

const result = {
  version: 3,
  status: "fail",
  tests: [
    { name: "prints in order", status: "pass", message: null, output: "a\nb\n" },
    {
      name: "no lost updates under 20 seeds",
      status: "fail",
      message: "lost 3 of 100 updates (seed 7)",
      output: "",
    },
  ],
} as const;
const code = "import { Lock } from 'threading';\n".repeat(40);

async function run(db: Database, label: string) {
  const prisma = prismaOf(db);
  const students: Actor[] = [];
  for (let i = 0; i < STUDENTS; i++) {
    const id = randomUUID();
    await prisma.user.create({ data: { id, email: `${id}@bench.test`, name: `S${i}` } });
    students.push({ id, role: "student" });
  }
  const one = (i: number) =>
    recordSubmission(db, students[i % STUDENTS], {
      exerciseId: `m${i % 4}/e${i % EXERCISES}`,
      code,
      result,
      gradingMs: 40,
    });
  for (let i = 0; i < 50; i++) await one(i); // warm up
  for (const inFlight of [1, 8]) {
    const start = performance.now();
    const cpu = process.cpuUsage();
    let next = 0;
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        while (next < N) await one(next++);
      }),
    );
    const seconds = (performance.now() - start) / 1000;
    const used = process.cpuUsage(cpu);
    const cpuSeconds = (used.user + used.system) / 1e6;
    // The machine is shared: submissions per CPU-second of this process tells what one idle
    // core would sustain when other work slows the wall clock down.
    console.log(
      `${label}: ${Math.round(N / seconds)} submissions/s (${N} recorded, ${inFlight} in flight; ` +
        `${Math.round(N / cpuSeconds)} per CPU-second of this process)`,
    );
  }
}

// Other work on the machine slows the wall clock: say how busy it was.
console.log(
  `load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores; ${N} submissions per run`,
);
const dir = mkdtempSync(join(tmpdir(), "interleave-bench-"));
try {
  const url = `file:${join(dir, "bench.db")}`;
  await migrate(url);
  const db = await openDatabase({ url });
  await run(db, "sqlite");
  await db.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const pg = process.env.DATABASE_URL_POSTGRES;
if (!pg) {
  console.log(
    "postgresql: SKIPPED, DATABASE_URL_POSTGRES is not set (run .ci/postgres.sh as root: it starts a " +
      "server on loopback and prints the line to export; .ci/env keeps it)",
  );
} else {
  const name = `interleave_bench_${Date.now()}`;
  const admin = new PostgresClient({ adapter: new PrismaPg({ connectionString: pg, max: 1 }) });
  try {
    await admin.$executeRawUnsafe(`CREATE DATABASE "${name}"`);
  } catch (error) {
    console.error(
      `postgresql: FAILED, cannot create a database on ${redact(pg)} (is the server running? ` +
        `.ci/postgres.sh starts it): ${error instanceof Error ? error.message : String(error)}`,
    );
    await admin.$disconnect();
    process.exit(1);
  }
  try {
    const url = new URL(pg);
    url.pathname = `/${name}`;
    await migrate(url.toString());
    const db = await openDatabase({ url: url.toString() });
    await run(db, "postgresql");
    await db.close();
  } finally {
    await admin.$executeRawUnsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.$disconnect();
  }
}
