/**
 * Hostile requests against Submit's JSON endpoint, the sessions it trusts and the pages that show
 * what students typed: malformed, oversized and cross-site requests get a 4xx and change nothing;
 * forged and stale session cookies are anonymous; ids of other people in a body are ignored;
 * script in a display name or in lesson markdown is shown as text. Grading is mocked (the
 * programs themselves: hostile-grading.test.ts). Authorization of each route: authorization.test.ts.
 */
import { renderMarkdown } from "@interleave/content";
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, describe, expect, it, vi } from "vitest";
import type { GradeView } from "@/lib/run-view";
import { ANON, as, BASE, form, freshIp, navigationMock, outcome, requestHeaders, world } from "./test-world";

vi.mock("next/headers", () => ({ headers: async () => requestHeaders() }));
vi.mock("next/navigation", () => navigationMock);
const graded: GradeView = { version: 3, status: "pass", tests: [{ name: "works", status: "pass" }] };
const gradeOnServer = vi.fn(async (_id: string, _code: string) => graded);
vi.mock("@/lib/grading", async (original) => ({
  ...(await original<typeof import("@/lib/grading")>()),
  gradeOnServer: (id: string, code: string) => gradeOnServer(id, code),
}));

const w = await world();
const { people, db, database, auth, code: joinCode } = w;
const route = await import("../../app/api/submit/route");
const { joinClassAction } = await import("./class-actions");
const ClassPage = (await import("../../app/(teach)/teach/[classId]/page")).default;

const EXERCISE = "12-asyncio/three-clients";

afterAll(async () => {
  await db.closeSharedDatabases();
});

/** POSTs to /api/submit as `who` with a raw body and extra headers. */
async function post(who: Headers, body: BodyInit, extra: Record<string, string> = {}) {
  const headers = new Headers(who);
  headers.set("content-type", "application/json");
  for (const [k, v] of Object.entries(extra)) headers.set(k, v);
  as(who);
  const response = await route.POST(new Request(`${BASE}/api/submit`, { method: "POST", headers, body }));
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) as { ok: boolean; error?: string } };
}

async function attempts(who: Headers): Promise<number> {
  const actor = await w.actorOf(who);
  return (await db.listSubmissions(database, actor!, EXERCISE)).length;
}

describe("POST /api/submit with hostile bodies", () => {
  it("answers 4xx with a sentence for each, grades and records nothing", async () => {
    gradeOnServer.mockClear();
    const before = await attempts(people.student);
    const cases: [BodyInit, Record<string, string>, number][] = [
      ["{not json", {}, 400],
      ["", {}, 400],
      ["null", {}, 400],
      ["[1,2,3]", {}, 400],
      ['"just a string"', {}, 400],
      [JSON.stringify({ exerciseId: ["12-asyncio/three-clients"], code: "x" }), {}, 400],
      [JSON.stringify({ exerciseId: { $ne: null }, code: "x" }), {}, 400],
      [JSON.stringify({ exerciseId: "../../etc/passwd", code: "x" }), {}, 400],
      [JSON.stringify({ exerciseId: "12-asyncio/../../../etc/passwd", code: "x" }), {}, 400],
      [JSON.stringify({ exerciseId: "12-asyncio/three-clients%00", code: "x" }), {}, 400],
      [JSON.stringify({ exerciseId: "99-nope/nothing", code: "x" }), {}, 400],
      [JSON.stringify({ exerciseId: EXERCISE, code: "x".repeat(70 * 1024) }), {}, 400],
      [`${"[".repeat(100_000)}${"]".repeat(100_000)}`, {}, 400],
      ["x".repeat(2 * 1024 * 1024), {}, 413],
      [
        JSON.stringify({ exerciseId: EXERCISE, code: "x" }),
        { "content-length": String(10 * 1024 * 1024) },
        413,
      ],
      [JSON.stringify({ exerciseId: EXERCISE, code: "x" }), { "content-type": "text/plain" }, 415],
      [
        JSON.stringify({ exerciseId: EXERCISE, code: "x" }),
        { "content-type": "application/x-www-form-urlencoded" },
        415,
      ],
    ];
    for (const [body, headers, status] of cases) {
      const answer = await post(people.student, body, headers);
      expect(answer.status, String(body).slice(0, 60)).toBe(status);
      expect(answer.body).toMatchObject({ ok: false, error: expect.stringMatching(/\w+ \w+/) });
      expect(answer.text).not.toMatch(/at \w+ \(|node_modules|\/work\//); // no stack or paths
    }
    expect(gradeOnServer).not.toHaveBeenCalled();
    expect(await attempts(people.student)).toBe(before);
  });

  it("refuses cross-site requests (another site's Origin or Sec-Fetch-Site), grading nothing", async () => {
    gradeOnServer.mockClear();
    const body = JSON.stringify({ exerciseId: EXERCISE, code: "print(1)" });
    const crossSite: Record<string, string>[] = [
      { origin: "https://evil.example" },
      { origin: "null" },
      { origin: "http://localhost:3000.evil.example" },
      { "sec-fetch-site": "cross-site" },
    ];
    for (const headers of crossSite) {
      expect((await post(people.student, body, headers)).status).toBe(403);
    }
    expect(gradeOnServer).not.toHaveBeenCalled();
    // The same site's own page is fine.
    const own = await post(people.student, body, {
      origin: BASE,
      host: "localhost:3000",
      "sec-fetch-site": "same-origin",
    });
    expect(own.status).toBe(200);
  });

  it("records under the session's student only, whatever ids the body names", async () => {
    const victim = await w.idOf(people.otherStudent);
    const before = await attempts(people.otherStudent);
    const mine = await attempts(people.student);
    const answer = await post(
      people.student,
      JSON.stringify({
        exerciseId: EXERCISE,
        code: "as someone else",
        userId: victim,
        actor: { id: victim },
        studentId: victim,
      }),
    );
    expect(answer.body).toMatchObject({ ok: true, recorded: "recorded" });
    expect(await attempts(people.otherStudent)).toBe(before);
    expect(await attempts(people.student)).toBe(mine + 1);
  });
});

describe("sessions", () => {
  const body = JSON.stringify({ exerciseId: EXERCISE, code: "print(1)" });
  it("treats forged session cookies as anonymous (graded, never recorded)", async () => {
    const real = people.student.get("cookie") ?? "";
    const [name, value] = real.split("=") as [string, string];
    for (const cookie of [
      `${name}=forged.value`,
      `${name}=${value.slice(0, -4)}AAAA`,
      `${name}=${value.split(".")[0]}.${"A".repeat(43)}`,
      `${name}=${"x".repeat(10_000)}`,
      `${name}=%00%ff`,
    ]) {
      const answer = await post(new Headers({ cookie }), body);
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ ok: true, recorded: "anonymous" });
    }
  });

  it("treats a signed-out (stale) session as anonymous", async () => {
    const leaver = await w.signUp("leaver@school.example");
    const signOut = await auth.handler(
      new Request(`${BASE}/api/auth/sign-out`, {
        method: "POST",
        headers: { cookie: leaver.get("cookie") ?? "", origin: BASE, "x-forwarded-for": freshIp() },
      }),
    );
    expect(signOut.status).toBe(200);
    expect(await post(leaver, body)).toMatchObject({ status: 200, body: { recorded: "anonymous" } });
    expect(await w.actorOf(leaver)).toBeNull();
  });
});

describe("script where students and authors write text", () => {
  const SCRIPT = `<script>alert("owned")</script><img src=x onerror=alert(1)>`;

  it("shows a display name with markup as text on the teacher's class page", async () => {
    const response = await auth.handler(
      new Request(`${BASE}/api/auth/sign-up/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: BASE, "x-forwarded-for": freshIp() },
        body: JSON.stringify({
          email: "mallory@school.example",
          password: "long enough password",
          name: SCRIPT,
        }),
      }),
    );
    expect(response.status).toBe(200);
    const mallory = new Headers({ cookie: (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "" });
    as(mallory);
    expect(await outcome(() => joinClassAction(null, form({ code: joinCode })))).toEqual({
      redirected: "/dashboard?joined=1",
    });
    as(people.teacher);
    const page = await outcome(() => ClassPage({ params: Promise.resolve({ classId: w.classId }) }));
    const html = renderToStaticMarkup(page as ReactElement);
    expect(html).toContain("&lt;script&gt;alert(&quot;owned&quot;)&lt;/script&gt;");
    expect(html).not.toContain("<script>alert");
    expect(html).not.toMatch(/<img[^>]*onerror/);
  });

  it("sanitises script, handlers and javascript: links in lesson markdown", async () => {
    const source = [
      "# Lesson",
      "",
      SCRIPT,
      "",
      '<a href="javascript:alert(1)">click</a> [also](javascript:alert(2))',
      "",
      '<iframe src="https://evil.example"></iframe><style>body{display:none}</style>',
      "",
      '<div onclick="alert(3)" style="position:fixed">x</div>',
    ].join("\n");
    const { html } = await renderMarkdown(source);
    expect(html).not.toMatch(/<script|onerror|onclick|javascript:|<iframe|<style|position:fixed/i);
  });
});

describe("anonymous Submits with hostile bodies", () => {
  it("are refused like a student's", async () => {
    expect((await post(ANON, JSON.stringify({ exerciseId: "../../etc/passwd", code: "x" }))).status).toBe(
      400,
    );
  });
});
