/**
 * Accounts in a real browser against the production build: sign up, submit a passing solution,
 * sign out, sign in again and see the same progress; a promoted teacher creates a class, the
 * student joins it, and the teacher sees the passed exercise in the grid; after a restart of the
 * server the progress is still there.
 */
import { openDatabase, setRoleByEmail } from "@interleave/db";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AccountsServer, accountsServer } from "./accounts-server";
import { launchBrowser, newGuardedPage } from "./browser";
import { builtCourse, editorReady, exerciseFile, findExercise, setEditorText } from "./session";

const EXERCISE = "12-asyncio/three-clients";
const course = await builtCourse();
const exercise = findExercise(course, EXERCISE);
const PASSWORD = "a long enough password";
const student = { name: "Sam Student", email: "sam@school.example" };
const teacher = { name: "Tess Teacher", email: "tess@school.example" };

let server: AccountsServer;
let browser: Browser;

beforeAll(async () => {
  server = await accountsServer();
  [browser] = await Promise.all([launchBrowser(), server.start()]);
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function page(path: string): Promise<Page> {
  const guarded = await newGuardedPage(browser);
  await guarded.page.goto(server.url + path);
  return guarded.page;
}

async function signUp(p: Page, who: { name: string; email: string }) {
  await p.goto(`${server.url}/sign-up`);
  await p.getByLabel("Name").fill(who.name);
  await p.getByLabel("Email").fill(who.email);
  await p.getByLabel("Password").fill(PASSWORD);
  await p.getByRole("button", { name: "Sign up" }).click();
  await p.getByRole("button", { name: "Sign out" }).waitFor();
}

async function signIn(p: Page, who: { email: string }, password = PASSWORD) {
  await p.goto(`${server.url}/sign-in`);
  await p.getByLabel("Email").fill(who.email);
  await p.getByLabel("Password").fill(password);
  await p.getByRole("button", { name: "Sign in" }).click();
}

async function passedOnDashboard(p: Page): Promise<boolean> {
  await p.goto(`${server.url}/dashboard`);
  const row = p.getByRole("listitem").filter({ hasText: exercise!.title }).first();
  return (await row.textContent())?.includes("Passed") ?? false;
}

describe.skipIf(!exercise)("accounts", () => {
  it("keeps a signed-in student's passed exercise across sign-out and sign-in", async () => {
    const p = await page("/");
    await signUp(p, student);
    await expect(p.getByRole("link", { name: /Sam Student/ }).count()).resolves.toBe(1);

    await p.goto(`${server.url}/learn/${EXERCISE}`);
    await editorReady(p);
    await setEditorText(p, exerciseFile(course, EXERCISE, "solution.ts"));
    await p.getByRole("button", { name: "Submit" }).click();
    await p.getByText("Saved to your progress").waitFor({ timeout: 60_000 });

    await p.getByRole("button", { name: "Sign out" }).click();
    await p.getByRole("link", { name: "Sign in" }).waitFor();
    await p.goto(`${server.url}/dashboard`);
    await p.waitForURL(/\/sign-in\?next=/);

    await signIn(p, student, "not the password");
    await p
      .locator("#auth-error")
      .filter({ hasText: /do not match/ })
      .waitFor();
    await signIn(p, student);
    await p.getByRole("button", { name: "Sign out" }).waitFor();
    expect(await passedOnDashboard(p)).toBe(true);

    // The course map and the module's page show the signed-in student each exercise's status.
    for (const path of ["/", `/learn/${EXERCISE.split("/")[0]}`]) {
      await p.goto(server.url + path);
      const link = p.getByRole("link", { name: exercise!.title, exact: true });
      await p.locator("li", { has: link }).last().locator('[data-progress="passed"]').waitFor();
      await p.locator('[data-progress="none"]', { hasText: "Not started" }).first().waitFor();
    }
  });

  it("shows anonymous visitors the course map without statuses", async () => {
    const guarded = await newGuardedPage(browser);
    const answered = guarded.page.waitForResponse((r) => r.url().endsWith("/api/progress"));
    await guarded.page.goto(`${server.url}/`);
    expect(await (await answered).json()).toEqual({ signedIn: false });
    await guarded.page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))));
    expect(await guarded.page.locator("[data-progress]").count()).toBe(0);
  });

  it("offers an anonymous student to sign in to keep a graded Submit", async () => {
    const p = await page(`/learn/${EXERCISE}`);
    await editorReady(p);
    await p.getByRole("button", { name: "Submit" }).click();
    await p.getByRole("link", { name: "Sign in to keep your progress" }).waitFor({ timeout: 60_000 });
  });

  it("shows a promoted teacher the student's passed exercise in the class grid", async () => {
    const t = await page("/");
    await signUp(t, teacher);
    const db = await openDatabase({ url: server.databaseUrl });
    try {
      await setRoleByEmail(db, teacher.email, "teacher");
    } finally {
      await db.close();
    }
    await t.goto(`${server.url}/teach`);
    await t.getByLabel("Class name").fill("Period 3");
    await t.getByRole("button", { name: "Create class" }).click();
    await t.waitForURL(/\/teach\/[^/]+$/);
    const code = (await t.locator("code").first().textContent())?.trim() ?? "";
    expect(code).toMatch(/^[A-Z0-9]{8}$/);

    const s = await page("/");
    await signIn(s, student);
    await s.getByRole("button", { name: "Sign out" }).waitFor();
    await s.goto(`${server.url}/join`);
    await s.getByLabel(/Join code/).fill(code.toLowerCase());
    await s.getByRole("button", { name: "Join class" }).click();
    await s.waitForURL(/\/dashboard/);

    await t.reload();
    const row = t.getByRole("row").filter({ hasText: student.name });
    const cell = row.locator(`td[title^="${exercise!.title}:"]`);
    expect(await cell.getAttribute("title")).toMatch(/Passed/);
    const csv = await t.evaluate(async (href) => (await fetch(href)).text(), `${t.url()}/csv`);
    expect(csv).toContain(student.email);
    // The student may not read the class's CSV.
    const refused = await s.evaluate(async (href) => (await fetch(href)).status, `${t.url()}/csv`);
    expect([403, 404]).toContain(refused);
  });

  it("still has the progress after the server restarts", async () => {
    await server.stop();
    await server.start();
    const p = await page("/");
    await signIn(p, student);
    await p.getByRole("button", { name: "Sign out" }).waitFor();
    expect(await passedOnDashboard(p)).toBe(true);
  });
});
