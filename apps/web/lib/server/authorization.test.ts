/**
 * Authorization of the app's own route handler and server actions, against a real SQLite file:
 * each is tried as anonymous, as another student and as another class's teacher, and
 * malformed or oversized input gets a clear refusal and changes nothing.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const BASE = "http://localhost:3000";
let requestHeaders = new Headers();
vi.mock("next/headers", () => ({ headers: async () => requestHeaders }));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw Object.assign(new Error(`redirect ${to}`), { to });
  },
  notFound: () => {
    throw new Error("not found");
  },
}));

process.env.DATABASE_URL = `file:${join(mkdtempSync(join(tmpdir(), "interleave-authz-")), "t.db")}`;
process.env.AUTH_SECRET = "a test secret that is long enough for better-auth";
process.env.BASE_URL = BASE;

const db = await import("@interleave/db");
const { services } = await import("./db");
const { createClassAction, joinClassAction } = await import("./class-actions");
const { loadServerDraft, saveServerDraft } = await import("./draft-actions");
const { recordIfSignedIn } = await import("./progress");
const csv = await import("../../app/(teach)/teach/[classId]/csv/route");

const ANON = new Headers();
const people: Record<string, Headers> = {};
let classId = "";

async function signUp(email: string): Promise<Headers> {
  const { auth } = await services();
  const response = await auth.handler(
    new Request(`${BASE}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: BASE },
      body: JSON.stringify({ email, password: "long enough password", name: email.split("@")[0] }),
    }),
  );
  expect(response.status).toBe(200);
  const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  return new Headers({ cookie });
}

function as(who: Headers) {
  requestHeaders = who;
}

async function download(who: Headers, id = classId): Promise<Response> {
  return csv.GET(new Request(`${BASE}/teach/${id}/csv`, { headers: who }), {
    params: Promise.resolve({ classId: id }),
  });
}

async function action<T>(run: () => Promise<T>): Promise<T | { redirected: string }> {
  try {
    return await run();
  } catch (error) {
    const to = (error as { to?: string }).to;
    if (to) return { redirected: to };
    throw error;
  }
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}

beforeAll(async () => {
  const { db: database } = await services();
  for (const name of ["teacher", "otherTeacher", "student", "otherStudent"]) {
    people[name] = await signUp(`${name.toLowerCase()}@school.example`);
  }
  await db.setRoleByEmail(database, "teacher@school.example", "teacher");
  await db.setRoleByEmail(database, "otherteacher@school.example", "teacher");
  as(people.teacher!);
  const made = await action(() => createClassAction(null, form({ name: "Period 1" })));
  expect(made).toMatchObject({ redirected: expect.stringMatching(/^\/teach\//) });
  classId = decodeURIComponent((made as { redirected: string }).redirected.split("/")[2]!);
  const code = (await db.listClasses(database, await actorOf(people.teacher!)))[0]!.joinCode!;
  as(people.student!);
  expect(await action(() => joinClassAction(null, form({ code })))).toEqual({
    redirected: "/dashboard?joined=1",
  });
}, 60_000);

afterAll(async () => {
  await (await services()).db.close();
});

async function actorOf(who: Headers) {
  const { auth } = await services();
  return db.getActor(auth, who);
}

describe("the class CSV route", () => {
  it("answers the class's teacher with text/csv", async () => {
    const response = await download(people.teacher!);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(await response.text()).toContain("student@school.example");
  });
  it("refuses anonymous (401), a student (403) and another class's teacher (403)", async () => {
    expect((await download(ANON)).status).toBe(401);
    expect((await download(people.student!)).status).toBe(403);
    expect((await download(people.otherStudent!)).status).toBe(403);
    expect((await download(people.otherTeacher!)).status).toBe(403);
  });
  it("answers 4xx for a class that does not exist or an absurd id", async () => {
    expect((await download(people.teacher!, "no-such-class")).status).toBeGreaterThanOrEqual(400);
    expect((await download(people.teacher!, "x".repeat(5000))).status).toBeLessThan(500);
  });
});

describe("createClassAction", () => {
  async function taughtBy(who: Headers) {
    const { db: database } = await services();
    return (await db.listClasses(database, await actorOf(who))).filter((c) => c.joinCode !== null).length;
  }
  it("refuses anonymous, students, and bad names, creating nothing", async () => {
    const before = await taughtBy(people.teacher!);
    as(ANON);
    expect(await createClassAction(null, form({ name: "x" }))).toEqual({ error: "Sign in first." });
    as(people.student!);
    expect(await createClassAction(null, form({ name: "x" }))).toMatchObject({ error: expect.any(String) });
    as(people.teacher!);
    expect(await createClassAction(null, form({ name: "x".repeat(150) }))).toMatchObject({
      error: expect.stringMatching(/100 characters/),
    });
    expect(await createClassAction(null, form({ name: "x".repeat(5000) }))).toMatchObject({
      error: expect.any(String),
    });
    expect(await createClassAction(null, "not a form")).toMatchObject({ error: expect.any(String) });
    expect(await taughtBy(people.teacher!)).toBe(before);
  });
});

describe("joinClassAction", () => {
  it("refuses anonymous, teachers, malformed and unknown codes", async () => {
    as(ANON);
    expect(await joinClassAction(null, form({ code: "ABCDEFGH" }))).toEqual({ error: "Sign in first." });
    as(people.otherStudent!);
    expect(await joinClassAction(null, form({ code: "nope" }))).toMatchObject({
      error: expect.stringMatching(/join code/i),
    });
    expect(await joinClassAction(null, form({ code: "ABCDEFGH" }))).toMatchObject({
      error: expect.any(String),
    });
    expect(await joinClassAction(null, form({ code: "A".repeat(1000) }))).toMatchObject({
      error: expect.any(String),
    });
    // otherStudent is still in no class: the teacher's CSV lists one student.
    const text = await (await download(people.teacher!)).text();
    expect(text).not.toContain("otherstudent@");
  });
});

describe("drafts and Submit recording", () => {
  it("keeps drafts per student and ignores anonymous and oversized ones", async () => {
    as(ANON);
    expect(await saveServerDraft("12-asyncio/three-clients", "print(1)")).toBe(false);
    expect(await loadServerDraft("12-asyncio/three-clients")).toEqual({ signedIn: false });
    as(people.student!);
    expect(await saveServerDraft("12-asyncio/three-clients", "mine")).toBe(true);
    expect(await saveServerDraft("12-asyncio/three-clients", "x".repeat(70_000))).toBe(false);
    expect(await saveServerDraft("../../etc/passwd", "x")).toBe(false);
    expect(await loadServerDraft("12-asyncio/three-clients")).toEqual({ signedIn: true, code: "mine" });
    as(people.otherStudent!);
    expect(await loadServerDraft("12-asyncio/three-clients")).toEqual({ signedIn: true, code: null });
  });

  it("records a signed-in student's Submit and not an anonymous one", async () => {
    const results = {
      version: 3 as const,
      status: "pass" as const,
      tests: [{ name: "works", status: "pass" as const }],
    };
    as(ANON);
    expect(await recordIfSignedIn("12-asyncio/three-clients", "code", results, 12)).toBe("anonymous");
    as(people.otherStudent!);
    expect(await recordIfSignedIn("12-asyncio/three-clients", "code", results, 12)).toBe("recorded");
    const { db: database } = await services();
    const mine = await db.progressByUser(database, await actorOf(people.otherStudent!));
    expect(mine.map((p) => [p.exerciseId, p.status])).toEqual([["12-asyncio/three-clients", "pass"]]);
    expect(await db.progressByUser(database, await actorOf(people.student!))).toEqual([]);
  });
});
