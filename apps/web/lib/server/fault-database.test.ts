/**
 * The database locked or unreachable while students Submit: a clear 503 with Retry-After and a
 * sentence, and nothing half-written (a submission is recorded with its progress, or neither).
 * Locked: another connection holds SQLite's write lock past the busy timeout. Unreachable: the
 * data layer's calls fail as a PostgreSQL server that is down makes them fail.
 */
import BetterSqlite3 from "better-sqlite3";
import { afterAll, describe, expect, it, vi } from "vitest";
import type { GradeView } from "@/lib/run-view";
import { as, BASE, navigationMock, requestHeaders, world } from "./test-world";

vi.mock("next/headers", () => ({ headers: async () => requestHeaders() }));
vi.mock("next/navigation", () => navigationMock);

let down = false;
vi.mock("@interleave/db", async (original) => {
  const real = await original<typeof import("@interleave/db")>();
  const unreachable =
    <A extends unknown[], R>(f: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> =>
      down ? Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:5432")) : f(...args);
  return {
    ...real,
    getActor: unreachable(real.getActor),
    consumeRateLimit: unreachable(real.consumeRateLimit),
    recordSubmission: unreachable(real.recordSubmission),
  };
});

const graded: GradeView = { version: 3, status: "pass", tests: [{ name: "works", status: "pass" }] };
/** Runs during grading (after admission, before recording). */
let duringGrading: () => void = () => {};
vi.mock("@/lib/grading", async (original) => ({
  ...(await original<typeof import("@/lib/grading")>()),
  gradeOnServer: async () => {
    duringGrading();
    return graded;
  },
}));

const w = await world();
const { people, db, database } = w;
const route = await import("../../app/api/submit/route");
const { submitSolution } = await import("../../app/(learn)/learn/[module]/[exercise]/actions");
const EXERCISE = "12-asyncio/three-clients";
const file = (process.env.DATABASE_URL ?? "").replace(/^file:/, "");

afterAll(async () => {
  await db.closeSharedDatabases();
});

async function post(who: Headers, code: string) {
  as(who);
  const headers = new Headers(who);
  headers.set("content-type", "application/json");
  const response = await route.POST(
    new Request(`${BASE}/api/submit`, {
      method: "POST",
      headers,
      body: JSON.stringify({ exerciseId: EXERCISE, code }),
    }),
  );
  return {
    status: response.status,
    retryAfter: response.headers.get("retry-after"),
    body: await response.json(),
  };
}

/** Every submission of the student, and their progress row's attempts: both or neither change. */
async function kept(who: Headers) {
  const actor = await w.actorOf(who);
  const submissions = await db.listSubmissions(database, actor!, EXERCISE);
  const progress = (await db.progressByUser(database, actor!)).find((p) => p.exerciseId === EXERCISE);
  return { codes: submissions.map((s) => s.code), attempts: progress?.attempts ?? 0 };
}

describe("the database locked", () => {
  it("answers 503 with Retry-After before grading, and records nothing", async () => {
    expect((await post(people.student, "first")).status).toBe(200);
    const before = await kept(people.student);
    const locker = new BetterSqlite3(file);
    locker.exec("BEGIN EXCLUSIVE");
    try {
      const locked = await post(people.student, "while locked");
      expect(locked.status).toBe(503);
      expect(Number(locked.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(locked.body).toMatchObject({
        ok: false,
        error: expect.stringMatching(
          /cannot reach its database.*not graded or recorded.*Submit again in \d+ s/,
        ),
      });
    } finally {
      locker.exec("ROLLBACK");
      locker.close();
    }
    expect(await kept(people.student)).toEqual(before);
  });

  it("answers 503 when the lock is taken during grading: graded, shown, and not half-written", async () => {
    const before = await kept(people.student);
    const locker = new BetterSqlite3(file);
    duringGrading = () => locker.exec("BEGIN EXCLUSIVE");
    try {
      const answer = await post(people.student, "locked while grading");
      expect(answer.status).toBe(503);
      expect(answer.body).toMatchObject({ ok: true, recorded: "failed", results: graded });
    } finally {
      duringGrading = () => {};
      locker.exec("ROLLBACK");
      locker.close();
    }
    expect(await kept(people.student)).toEqual(before);
    // Once the lock is gone, Submit records again: submission and progress together.
    expect((await post(people.student, "after the lock")).body).toMatchObject({ recorded: "recorded" });
    const after = await kept(people.student);
    expect(after.codes).toContain("after the lock");
    expect(after.attempts).toBe(before.attempts + 1);
  });
});

describe("the database unreachable", () => {
  it("refuses Submit with a clear message from both the endpoint and the page's action", async () => {
    const before = await kept(people.otherStudent);
    down = true;
    try {
      const answer = await post(people.otherStudent, "while down");
      expect(answer.status).toBe(503);
      expect(answer.retryAfter).toBe("5");
      as(people.otherStudent);
      expect(await submitSolution({ exerciseId: EXERCISE, code: "while down" })).toMatchObject({
        ok: false,
        retryAfterMs: 5_000,
        error: expect.stringMatching(/cannot reach its database/),
      });
    } finally {
      down = false;
    }
    expect(await kept(people.otherStudent)).toEqual(before);
    expect((await post(people.otherStudent, "back up")).status).toBe(200);
  });
});
