/**
 * Submit remembers who a session is for a few seconds (session-cache.ts): repeated Submits ask
 * the database once, a signed-out session is forgotten at once, a forged cookie never matches a
 * remembered one, and a remembered session is asked about again once its time is up.
 */
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { GradeView } from "@/lib/run-view";
import { as, BASE, freshIp, navigationMock, requestHeaders, world } from "./test-world";

vi.mock("next/headers", () => ({ headers: async () => requestHeaders() }));
vi.mock("next/navigation", () => navigationMock);
const graded: GradeView = { version: 3, status: "pass", tests: [{ name: "works", status: "pass" }] };
vi.mock("@/lib/grading", async (original) => ({
  ...(await original<typeof import("@/lib/grading")>()),
  gradeOnServer: async () => graded,
}));

const w = await world();
const { people, db, auth } = w;
const route = await import("../../app/api/submit/route");
const { cachedActor, clearSessionCache, SESSION_CACHE_MS } = await import("./session-cache");

afterAll(async () => {
  await db.closeSharedDatabases();
});
beforeEach(() => clearSessionCache());

async function submit(who: Headers) {
  const headers = new Headers(who);
  headers.set("content-type", "application/json");
  as(who);
  const body = JSON.stringify({ exerciseId: "12-asyncio/three-clients", code: "print(1)" });
  const response = await route.POST(new Request(`${BASE}/api/submit`, { method: "POST", headers, body }));
  return (await response.json()) as { recorded?: string };
}

describe("the Submit session cache", () => {
  it("asks the database once for repeated Submits of one session", async () => {
    const getSession = vi.spyOn(auth.api, "getSession");
    try {
      for (let i = 0; i < 3; i++)
        expect(await submit(people.student)).toMatchObject({ recorded: "recorded" });
      expect(getSession).toHaveBeenCalledTimes(1);
    } finally {
      getSession.mockRestore();
    }
  });

  it("forgets a session signed out after it was remembered", async () => {
    const leaver = await w.signUp("cached-leaver@school.example");
    expect(await submit(leaver)).toMatchObject({ recorded: "recorded" });
    const signOut = await auth.handler(
      new Request(`${BASE}/api/auth/sign-out`, {
        method: "POST",
        headers: { cookie: leaver.get("cookie") ?? "", origin: BASE, "x-forwarded-for": freshIp() },
      }),
    );
    expect(signOut.status).toBe(200);
    expect(await submit(leaver)).toMatchObject({ recorded: "anonymous" });
  });

  it("never answers a forged cookie from a remembered session", async () => {
    expect(await submit(people.student)).toMatchObject({ recorded: "recorded" });
    const [name, value] = (people.student.get("cookie") ?? "").split("=") as [string, string];
    for (const cookie of [`${name}=${value.slice(0, -4)}AAAA`, `${name}=${value.split(".")[0]}`]) {
      expect(await submit(new Headers({ cookie }))).toMatchObject({ recorded: "anonymous" });
    }
  });

  it("looks a remembered session up again once its time is up", async () => {
    const getSession = vi.spyOn(auth.api, "getSession");
    try {
      const t = Date.now();
      const who = people.otherStudent;
      expect(await cachedActor(auth, who, t)).toMatchObject({ id: await w.idOf(who) });
      const calls = getSession.mock.calls.length;
      await cachedActor(auth, who, t + SESSION_CACHE_MS - 1);
      expect(getSession.mock.calls.length).toBe(calls);
      await cachedActor(auth, who, t + SESSION_CACHE_MS + 1);
      expect(getSession.mock.calls.length).toBe(calls + 1);
    } finally {
      getSession.mockRestore();
    }
  });
});
