/**
 * A small world for the app's authorization tests, on a temporary SQLite file: a teacher with a
 * class, a student in it, a student in no class and another teacher, each signed up through
 * better-auth's handler (so each has a real session cookie). Test files mock next/headers with
 * `requestHeaders()` and switch the acting person with `as(...)`.
 *
 * Call `world()` before importing any app module: it sets the environment they read on import.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";

export const BASE = "http://localhost:3000";
export const ANON = new Headers();
export type Person = "teacher" | "otherTeacher" | "student" | "otherStudent";

let current = new Headers();
/** The headers of the request being handled (for a mock of next/headers). */
export const requestHeaders = (): Headers => current;
/** Acts as this person (their cookie) or anonymous (`ANON`) from now on. */
export function as(who: Headers): void {
  current = who;
}

/** Runs a server action or page; Next's redirect becomes `{ redirected }`, notFound `"not found"`. */
export async function outcome<T>(run: () => Promise<T>): Promise<T | { redirected: string } | "not found"> {
  try {
    return await run();
  } catch (error) {
    const to = (error as { to?: string }).to;
    if (to) return { redirected: to };
    if (error instanceof Error && error.message === "NEXT_NOT_FOUND") return "not found";
    throw error;
  }
}

/** A mock of next/navigation's redirect and notFound that `outcome` understands. */
export const navigationMock = {
  redirect: (to: string) => {
    throw Object.assign(new Error(`redirect ${to}`), { to });
  },
  notFound: () => {
    throw new Error("NEXT_NOT_FOUND");
  },
};

export function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}

let lastIp = 0;
/** A client address no earlier request came from (for better-auth's per-address rate limits). */
export function freshIp(): string {
  lastIp++;
  return `198.51.${lastIp >> 8}.${lastIp & 255}`;
}

/** Sets up the database and people; returns their cookies, the class and its join code. */
export async function world() {
  process.env.DATABASE_URL = `file:${join(mkdtempSync(join(tmpdir(), "interleave-authz-")), "t.db")}`;
  process.env.AUTH_SECRET = "a test secret that is long enough for better-auth";
  process.env.BASE_URL = BASE;
  const db = await import("@interleave/db");
  const { services } = await import("./db");
  const { createClassAction, joinClassAction } = await import("./class-actions");
  const { auth, db: database } = await services();

  async function signUp(email: string): Promise<Headers> {
    const response = await auth.handler(
      new Request(`${BASE}/api/auth/sign-up/email`, {
        method: "POST",
        // Each from its own address: better-auth allows 5 sign-ups a minute per address.
        headers: { "content-type": "application/json", origin: BASE, "x-forwarded-for": freshIp() },
        body: JSON.stringify({ email, password: "long enough password", name: email.split("@")[0] }),
      }),
    );
    expect(response.status).toBe(200);
    return new Headers({ cookie: (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "" });
  }

  const people = {} as Record<Person, Headers>;
  for (const name of ["teacher", "otherTeacher", "student", "otherStudent"] as const) {
    people[name] = await signUp(`${name.toLowerCase()}@school.example`);
  }
  await db.setRoleByEmail(database, "teacher@school.example", "teacher");
  await db.setRoleByEmail(database, "otherteacher@school.example", "teacher");
  const actorOf = (who: Headers) => db.getActor(auth, who);
  const idOf = async (who: Headers) => (await actorOf(who))!.id;

  as(people.teacher);
  const made = await outcome(() => createClassAction(null, form({ name: "Period 1" })));
  expect(made).toMatchObject({ redirected: expect.stringMatching(/^\/teach\//) });
  const classId = decodeURIComponent((made as { redirected: string }).redirected.split("/")[2]!);
  // The other teacher has a class of their own, with nobody in it.
  as(people.otherTeacher);
  await outcome(() => createClassAction(null, form({ name: "Period 2" })));
  const code = (await db.listClasses(database, await actorOf(people.teacher)))[0]!.joinCode!;
  as(people.student);
  expect(await outcome(() => joinClassAction(null, form({ code })))).toEqual({
    redirected: "/dashboard?joined=1",
  });
  as(ANON);
  return { db, database, auth, services, people, classId, code, signUp, actorOf, idOf };
}
