import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuth, getActor } from "./auth";
import { prismaOf } from "./database";
import { InvalidError, NotFoundError } from "./errors";
import { backends, type TestDatabase } from "./test-support";
import { setRoleByEmail } from "./users";

const baseURL = "http://localhost:3000";
const secret = "test-secret-test-secret-test-secret-0123456789";

describe.each(backends())("auth on $name", (backend) => {
  let t: TestDatabase;
  let auth: ReturnType<typeof createAuth>;
  let ip = 0;

  beforeAll(async () => {
    t = await backend.create();
    auth = createAuth({ db: t.db, secret, baseURL, signInPerMinute: 3, logLevel: "error" });
  });
  afterAll(() => t?.drop());

  /** A request to the mounted handler, from its own client IP unless told otherwise. */
  function call(path: string, body: unknown, options: { cookie?: string; from?: string } = {}) {
    return auth.handler(
      new Request(`${baseURL}/api/auth${path}`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          origin: baseURL,
          "x-forwarded-for": options.from ?? `10.0.0.${++ip}`,
          ...(options.cookie ? { cookie: options.cookie } : {}),
        },
        body: JSON.stringify(body),
      }),
    );
  }
  const cookieOf = (response: Response) =>
    response.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");

  it("signs up as a student, with an httpOnly session cookie and a hashed password", async () => {
    const response = await call("/sign-up/email", {
      email: "Ann@Example.test",
      password: "correct horse",
      name: "Ann",
    });
    expect(response.status).toBe(200);
    const setCookie = response.headers.getSetCookie().join("\n");
    expect(setCookie).toMatch(/session_token=.*HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const actor = await getActor(auth, new Headers({ cookie: cookieOf(response) }));
    expect(actor).toMatchObject({ role: "student" });
    const user = await prismaOf(t.db).user.findUnique({
      where: { email: "ann@example.test" },
      include: { accounts: true },
    });
    expect(user?.accounts[0]?.password).toBeTruthy();
    expect(user?.accounts[0]?.password).not.toContain("correct horse");
  });

  it("cannot sign up as a teacher", async () => {
    const response = await call("/sign-up/email", {
      email: "eve@example.test",
      password: "correct horse",
      name: "Eve",
      role: "teacher",
    });
    const user = await prismaOf(t.db).user.findUnique({ where: { email: "eve@example.test" } });
    expect(response.status === 400 || user?.role === "student").toBe(true);
  });

  it("signs in, sees the same person, and signs out", async () => {
    await call("/sign-up/email", { email: "bo@example.test", password: "correct horse", name: "Bo" });
    const signedIn = await call("/sign-in/email", { email: "bo@example.test", password: "correct horse" });
    expect(signedIn.status).toBe(200);
    const cookie = cookieOf(signedIn);
    const actor = await getActor(auth, new Headers({ cookie }));
    const user = await prismaOf(t.db).user.findUnique({ where: { email: "bo@example.test" } });
    expect(actor?.id).toBe(user?.id);
    expect((await call("/sign-out", {}, { cookie })).status).toBe(200);
    expect(await getActor(auth, new Headers({ cookie }))).toBeNull();
  });

  it("refuses a wrong password with a clear message", async () => {
    await call("/sign-up/email", { email: "cy@example.test", password: "correct horse", name: "Cy" });
    const response = await call("/sign-in/email", { email: "cy@example.test", password: "wrong horse" });
    expect(response.status).toBe(401);
    expect((await response.json()) as { message: string }).toMatchObject({
      message: expect.stringMatching(/invalid/i),
    });
  });

  it("refuses short passwords and malformed emails", async () => {
    expect(
      (await call("/sign-up/email", { email: "dee@example.test", password: "short", name: "Dee" })).status,
    ).toBe(400);
    expect(
      (await call("/sign-up/email", { email: "not-an-email", password: "correct horse", name: "Dee" }))
        .status,
    ).toBe(400);
  });

  it("refuses empty and overlong names and overlong emails, and accepts the limits", async () => {
    const sign = (email: string, name: string) =>
      call("/sign-up/email", { email, password: "correct horse", name });
    for (const [email, name] of [
      ["blank@example.test", "   "],
      ["long@example.test", "n".repeat(101)],
      [`${"e".repeat(250)}@example.test`, "Eve"],
    ] as const) {
      const response = await sign(email, name);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { message: string }).message).toMatch(/name|email address/i);
    }
    expect((await sign("max@example.test", "n".repeat(100))).status).toBe(200);
  });

  it("rate-limits sign-in attempts from one address", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await call(
        "/sign-in/email",
        { email: "nobody@example.test", password: `guess${i}` },
        { from: "10.9.9.9" },
      );
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 3).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(3)).toEqual([429, 429]);
  });

  it("is anonymous without a session cookie", async () => {
    expect(await getActor(auth, new Headers())).toBeNull();
    expect(await getActor(auth, new Headers({ cookie: "better-auth.session_token=forged" }))).toBeNull();
  });

  it("promotes a signed-up user to teacher by email (the operator's CLI)", async () => {
    const response = await call("/sign-up/email", {
      email: "tina@example.test",
      password: "correct horse",
      name: "Tina",
    });
    expect((await setRoleByEmail(t.db, " Tina@Example.test ", "teacher")).role).toBe("teacher");
    expect(await getActor(auth, new Headers({ cookie: cookieOf(response) }))).toMatchObject({
      role: "teacher",
    });
    await expect(setRoleByEmail(t.db, "ghost@example.test", "teacher")).rejects.toBeInstanceOf(NotFoundError);
    await expect(setRoleByEmail(t.db, "not an email", "teacher")).rejects.toBeInstanceOf(InvalidError);
  });

  it("refuses a short secret", () => {
    expect(() => createAuth({ db: t.db, secret: "short", baseURL })).toThrow(InvalidError);
  });
});
