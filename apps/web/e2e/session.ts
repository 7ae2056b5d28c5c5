/**
 * One production server and one browser per test file, and what the tests need to know about the
 * course that was built (read from exercises/ with @interleave/content, as the app does).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type Course, validateCourse } from "@interleave/content";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { launchBrowser, newGuardedPage } from "./browser";
import { type AppServer, startServer } from "./server";

export interface Session {
  server: AppServer;
  browser: Browser;
  course: Course;
}

/** The course as the app reads it (its valid parts). */
export async function builtCourse(): Promise<Course> {
  return (await validateCourse()).course;
}

/** Starts the server and the browser before the file's tests (beforeAll) and stops them after. */
export function startSession(course: Course): Session {
  const session = { course } as Session;
  beforeAll(async () => {
    [session.server, session.browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}

/** A guarded page on the app; at the end of the test, call `done()` to assert nothing left the machine. */
export async function openPage(session: Session, path: string, viewport?: { width: number; height: number }) {
  const guarded = await newGuardedPage(session.browser, viewport);
  await guarded.page.goto(session.server.url + path);
  return {
    ...guarded,
    done() {
      expect(guarded.offsite, "requests that left this machine").toEqual([]);
      expect(guarded.errors, "errors in the page").toEqual([]);
    },
  };
}

/** Waits for Monaco to load in the page and returns the editor's text. */
export async function editorReady(page: Page): Promise<string> {
  await page.waitForFunction(() => window.interleaveEditor !== undefined, null, { timeout: 45_000 });
  return page.evaluate(() => window.interleaveEditor?.getValue() ?? "");
}

/** Replaces the editor's text (through the model, as typing into Monaco is flaky) and checks it. */
export async function setEditorText(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => window.interleaveEditor?.setValue(t), text);
  expect(await page.evaluate(() => window.interleaveEditor?.getValue())).toBe(text);
}

/** The text of a file of an exercise, from the course that was built. */
export function exerciseFile(course: Course, exerciseId: string, name: string): string {
  return readFileSync(join(course.root, exerciseId, name), "utf8");
}

/** The exercise with this id, if the built course has it. */
export function findExercise(course: Course, exerciseId: string) {
  return course.modules.flatMap((m) => m.exercises).find((e) => e.id === exerciseId);
}
