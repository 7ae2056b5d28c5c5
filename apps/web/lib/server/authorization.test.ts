/**
 * Authorization of the app's route handlers and server actions, against a real SQLite file:
 * each is tried as anonymous, as another student and as another class's teacher, and
 * malformed or oversized input gets a clear refusal and changes nothing. Pages: page-authorization.test.ts.
 */
import { afterAll, describe, expect, it, vi } from "vitest";
import type { GradeView } from "@/lib/run-view";
import { ANON, as, BASE, form, freshIp, navigationMock, requestHeaders, world } from "./test-world";

vi.mock("next/headers", () => ({ headers: async () => requestHeaders() }));
vi.mock("next/navigation", () => navigationMock);
const graded: GradeView = { version: 3, status: "pass", tests: [{ name: "works", status: "pass" }] };
const gradeOnServer = vi.fn(async (_id: string, _code: string) => graded);
vi.mock("@/lib/grading", async (original) => ({
  ...(await original<typeof import("@/lib/grading")>()),
  gradeOnServer: (id: string, code: string) => gradeOnServer(id, code),
}));

const w = await world();
const { people, classId, db, database } = w;
const { createClassAction, joinClassAction } = await import("./class-actions");
const { loadServerDraft, saveServerDraft } = await import("./draft-actions");
const { SUBMIT_LIMIT, ANONYMOUS_SUBMIT_LIMIT, admitSubmission } = await import("./progress");
const { submitSolution } = await import("../../app/(learn)/learn/[module]/[exercise]/actions");
const csv = await import("../../app/(teach)/teach/[classId]/csv/route");
const authRoute = await import("../../app/api/auth/[...all]/route");
const progressRoute = await import("../../app/api/progress/route");

const EXERCISE = "12-asyncio/three-clients";

afterAll(async () => {
  await db.closeSharedDatabases();
});

async function download(who: Headers, id = classId): Promise<Response> {
  return csv.GET(new Request(`${BASE}/teach/${id}/csv`, { headers: who }), {
    params: Promise.resolve({ classId: id }),
  });
}

async function progressOf(who: Headers) {
  return db.progressByUser(database, await w.actorOf(who));
}

describe("the class CSV route", () => {
  it("answers the class's teacher with text/csv", async () => {
    const response = await download(people.teacher);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(await response.text()).toContain("student@school.example");
  });
  it("refuses anonymous (401), a student (403) and another class's teacher (403)", async () => {
    expect((await download(ANON)).status).toBe(401);
    expect((await download(people.student)).status).toBe(403);
    expect((await download(people.otherStudent)).status).toBe(403);
    const other = await download(people.otherTeacher);
    expect(other.status).toBe(403);
    expect(await other.text()).toMatch(/Only the class's teacher/);
  });
  it("answers 4xx for a class that does not exist or an absurd id", async () => {
    const missing = await download(people.teacher, "no-such-class");
    expect(missing.status).toBe(404);
    expect(await missing.text()).toMatch(/no such class/);
    const absurd = await download(people.teacher, "x".repeat(5000));
    expect(absurd.status).toBeGreaterThanOrEqual(400);
    expect(absurd.status).toBeLessThan(500);
  });
});

describe("the progress route (badges on the course pages)", () => {
  async function read(who: Headers) {
    const response = await progressRoute.GET(new Request(`${BASE}/api/progress`, { headers: who }));
    expect(response.headers.get("cache-control")).toMatch(/no-store/);
    return { status: response.status, body: await response.json() };
  }
  it("tells anonymous visitors nothing but that they are not signed in", async () => {
    expect(await read(ANON)).toEqual({ status: 200, body: { signedIn: false } });
    expect(await read(new Headers({ cookie: "better-auth.session_token=forged.value" }))).toEqual({
      status: 200,
      body: { signedIn: false },
    });
  });
  it("answers each person with their own statuses only", async () => {
    const { actorOf } = w;
    const result = { ...graded, tests: [...graded.tests] };
    const failing = {
      ...result,
      status: "fail" as const,
      tests: [{ name: "works", status: "fail" as const }],
    };
    await db.recordSubmission(database, await actorOf(people.otherStudent), {
      exerciseId: EXERCISE,
      code: "x",
      result,
      gradingMs: 1,
    });
    await db.recordSubmission(database, await actorOf(people.otherStudent), {
      exerciseId: "12-asyncio/kitchen-queue",
      code: "x",
      result: failing,
      gradingMs: 1,
    });
    expect((await read(people.otherStudent)).body).toEqual({
      signedIn: true,
      exercises: { [EXERCISE]: "passed", "12-asyncio/kitchen-queue": "attempted" },
    });
    expect((await read(people.teacher)).body).toEqual({ signedIn: true, exercises: {} });
  });
});

describe("the auth routes (better-auth behind /api/auth)", () => {
  function post(path: string, body: string, headers: Record<string, string> = {}) {
    return authRoute.POST(
      new Request(`${BASE}/api/auth/${path}`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          origin: BASE,
          "x-forwarded-for": freshIp(),
          ...headers,
        },
        body,
      }),
    );
  }

  it("refuses a wrong password with 401 and a sentence", async () => {
    const response = await post(
      "sign-in/email",
      JSON.stringify({ email: "student@school.example", password: "not the password" }),
    );
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ message: expect.stringMatching(/invalid/i) });
  });
  it("refuses malformed and oversized sign-ups with 4xx, creating nobody", async () => {
    const email = (n: string) => `${n}@school.example`;
    const cases = [
      "{not json",
      JSON.stringify({ email: "not an email", password: "long enough password", name: "x" }),
      JSON.stringify({ email: email("short"), password: "short", name: "x" }),
      JSON.stringify({ email: email("long"), password: "p".repeat(200), name: "x" }),
      JSON.stringify({ email: email("big"), password: "long enough password", name: "n".repeat(5000) }),
      JSON.stringify({
        email: `${"e".repeat(400)}@school.example`,
        password: "long enough password",
        name: "x",
      }),
      JSON.stringify({
        email: email("huge"),
        password: "long enough password",
        name: "x",
        pad: "z".repeat(200_000),
      }),
    ];
    for (const body of cases) {
      const response = await post("sign-up/email", body);
      expect(await response.json(), body.slice(0, 60)).toMatchObject({ message: expect.any(String) });
      expect(response.status, body.slice(0, 60)).toBeGreaterThanOrEqual(400);
      expect(response.status, body.slice(0, 60)).toBeLessThan(429); // refused for what it is
    }
    // Nobody was created: none of them can sign in.
    for (const who of ["short", "long", "big", "huge"]) {
      const signIn = await post(
        "sign-in/email",
        JSON.stringify({ email: email(who), password: "long enough password" }),
      );
      expect(signIn.status).toBe(401);
    }
  });
  it("makes a student of whoever asks for the teacher role at sign-up", async () => {
    const response = await post(
      "sign-up/email",
      JSON.stringify({
        email: "sly@school.example",
        password: "long enough password",
        name: "Sly",
        role: "teacher",
      }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ user: { role: "student" } });
  });
  it("answers get-session with null for anonymous visitors and forged cookies", async () => {
    const anonymous = await authRoute.GET(new Request(`${BASE}/api/auth/get-session`));
    expect(anonymous.status).toBe(200);
    expect(await anonymous.json()).toBeNull();
    const forged = await authRoute.GET(
      new Request(`${BASE}/api/auth/get-session`, {
        headers: { cookie: "better-auth.session_token=someone-elses.signature" },
      }),
    );
    expect(await forged.json()).toBeNull();
  });
});

describe("createClassAction", () => {
  async function taughtBy(who: Headers) {
    return (await db.listClasses(database, await w.actorOf(who))).filter((c) => c.joinCode !== null).length;
  }
  it("refuses anonymous, students, and bad names, creating nothing", async () => {
    const before = await taughtBy(people.teacher);
    as(ANON);
    expect(await createClassAction(null, form({ name: "x" }))).toEqual({ error: "Sign in first." });
    as(people.student);
    expect(await createClassAction(null, form({ name: "x" }))).toMatchObject({ error: expect.any(String) });
    as(people.teacher);
    expect(await createClassAction(null, form({ name: "x".repeat(150) }))).toMatchObject({
      error: expect.stringMatching(/100 characters/),
    });
    expect(await createClassAction(null, form({ name: "x".repeat(5000) }))).toMatchObject({
      error: expect.any(String),
    });
    expect(await createClassAction(null, form({ name: "   " }))).toMatchObject({ error: expect.any(String) });
    expect(await createClassAction(null, "not a form")).toMatchObject({ error: expect.any(String) });
    expect(await taughtBy(people.teacher)).toBe(before);
  });
});

describe("joinClassAction", () => {
  it("refuses anonymous, teachers, malformed and unknown codes", async () => {
    as(ANON);
    expect(await joinClassAction(null, form({ code: w.code }))).toEqual({ error: "Sign in first." });
    as(people.otherTeacher);
    expect(await joinClassAction(null, form({ code: w.code }))).toMatchObject({ error: expect.any(String) });
    as(people.otherStudent);
    expect(await joinClassAction(null, form({ code: "nope" }))).toMatchObject({
      error: expect.stringMatching(/join code/i),
    });
    expect(await joinClassAction(null, form({ code: "ABCDEFGH" }))).toMatchObject({
      error: expect.any(String),
    });
    expect(await joinClassAction(null, form({ code: "A".repeat(1000) }))).toMatchObject({
      error: expect.any(String),
    });
    expect(await joinClassAction(null, new FormData())).toMatchObject({ error: expect.any(String) });
    // Neither joined: the teacher's CSV lists one student.
    const text = await (await download(people.teacher)).text();
    expect(text).not.toContain("otherstudent@");
    expect(text).not.toContain("otherteacher@");
  });
});

describe("server drafts", () => {
  it("keeps drafts per student and ignores anonymous, malformed and oversized ones", async () => {
    as(ANON);
    expect(await saveServerDraft(EXERCISE, "print(1)")).toBe(false);
    expect(await loadServerDraft(EXERCISE)).toEqual({ signedIn: false });
    as(people.student);
    expect(await saveServerDraft(EXERCISE, "mine")).toBe(true);
    expect(await saveServerDraft(EXERCISE, "x".repeat(70_000))).toBe(false);
    expect(await saveServerDraft("../../etc/passwd", "x")).toBe(false);
    expect(await saveServerDraft({ exerciseId: EXERCISE }, "x")).toBe(false);
    expect(await saveServerDraft(EXERCISE, 42)).toBe(false);
    expect(await loadServerDraft(EXERCISE)).toEqual({ signedIn: true, code: "mine" });
    expect(await loadServerDraft(["x"])).toEqual({ signedIn: false });
    as(people.otherStudent);
    expect(await loadServerDraft(EXERCISE)).toEqual({ signedIn: true, code: null });
    as(people.teacher);
    expect(await loadServerDraft(EXERCISE)).toEqual({ signedIn: true, code: null });
  });
});

describe("Submit (submitSolution)", () => {
  it("grades an anonymous Submit without recording it", async () => {
    as(ANON);
    const answer = await submitSolution({ exerciseId: EXERCISE, code: "print(1)" });
    expect(answer).toMatchObject({ ok: true, recorded: "anonymous", results: graded });
  });

  it("records a signed-in student's Submit as theirs only", async () => {
    as(people.student);
    expect(await submitSolution({ exerciseId: EXERCISE, code: "mine" })).toMatchObject({
      ok: true,
      recorded: "recorded",
    });
    expect((await progressOf(people.student)).map((p) => [p.exerciseId, p.status, p.attempts])).toEqual([
      [EXERCISE, "pass", 1],
    ]);
    expect((await progressOf(people.otherStudent)).find((p) => p.exerciseId === EXERCISE)?.attempts).toBe(1);
  });

  it("refuses malformed and oversized input before grading, recording nothing", async () => {
    as(people.student);
    gradeOnServer.mockClear();
    const refused = [
      undefined,
      "code",
      { exerciseId: EXERCISE },
      { exerciseId: EXERCISE, code: 42 },
      { exerciseId: "../../etc/passwd", code: "x" },
      { exerciseId: "99-nope/nothing", code: "x" },
      { exerciseId: "x".repeat(10_000), code: "x" },
      { exerciseId: EXERCISE, code: "   " },
      { exerciseId: EXERCISE, code: "x".repeat(70 * 1024) },
    ];
    for (const input of refused) {
      const answer = await submitSolution(input);
      expect(answer.ok).toBe(false);
      expect(answer).toMatchObject({ error: expect.stringMatching(/\w+ \w+/) });
    }
    expect(gradeOnServer).not.toHaveBeenCalled();
    expect((await progressOf(people.student))[0]?.attempts).toBe(1);
  });

  it("limits each student's Submits per minute, says when to retry, and grades nothing meanwhile", async () => {
    const limited = await w.signUp("limited@school.example");
    as(limited);
    for (let i = 0; i < SUBMIT_LIMIT.max; i++) {
      expect(await submitSolution({ exerciseId: EXERCISE, code: `try ${i}` })).toMatchObject({
        recorded: "recorded",
      });
    }
    gradeOnServer.mockClear();
    const refused = await submitSolution({ exerciseId: EXERCISE, code: "one too many" });
    expect(refused).toMatchObject({
      ok: false,
      error: expect.stringMatching(/Too many submissions.*Submit again in \d+ s/),
      retryAfterMs: expect.any(Number),
    });
    const { retryAfterMs } = refused as { retryAfterMs: number };
    expect(retryAfterMs).toBeGreaterThan(0);
    expect(retryAfterMs).toBeLessThanOrEqual(SUBMIT_LIMIT.windowMs);
    expect(gradeOnServer).not.toHaveBeenCalled();
    expect((await progressOf(limited))[0]?.attempts).toBe(SUBMIT_LIMIT.max);
    const history = await db.listSubmissions(database, await w.actorOf(limited), EXERCISE);
    expect(history.some((s) => s.code === "one too many")).toBe(false);
    // Another student's allowance is their own.
    as(people.otherStudent);
    expect(await submitSolution({ exerciseId: EXERCISE, code: "fine" })).toMatchObject({ ok: true });
  });

  it("limits anonymous Submits per client address when the proxy reports it", async () => {
    as(new Headers({ "x-forwarded-for": "203.0.113.7, 10.0.0.1" }));
    for (let i = 0; i < ANONYMOUS_SUBMIT_LIMIT.max; i++) expect((await admitSubmission()).ok).toBe(true);
    expect(await admitSubmission()).toMatchObject({
      ok: false,
      error: expect.stringMatching(/Submit again/),
    });
    as(new Headers({ "x-forwarded-for": "203.0.113.8" }));
    expect(await admitSubmission()).toMatchObject({ ok: true, submitter: { kind: "anonymous" } });
  });
});
