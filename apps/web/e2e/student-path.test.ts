/**
 * A new student's path through the app, in a real browser against the production build:
 * home -> a lesson -> run an example -> the three-clients exercise -> Submit the starter (fails)
 * -> write the solution -> Submit (every check passes). Plus Ctrl+Enter and Cancel.
 */
import { describe, expect, it } from "vitest";
import {
  builtCourse,
  editorReady,
  exerciseFile,
  findExercise,
  openPage,
  setEditorText,
  startSession,
} from "./session";

const THREE_CLIENTS = "12-asyncio/three-clients";
const course = await builtCourse();
const session = startSession(course);
const exercise = findExercise(course, THREE_CLIENTS);
const lessonWithExample = course.modules.find((m) =>
  /```(ts|typescript|js|javascript) run/.test(m.lesson.markdown),
);

describe("a new student's path", () => {
  it.skipIf(!lessonWithExample)("opens a lesson from the home page and runs an example", async () => {
    const module = lessonWithExample!;
    const { page, done } = await openPage(session, "/");
    await page.getByRole("link", { name: module.lesson.title, exact: true }).first().click();
    await page.waitForURL(`**/learn/${module.id}`);
    await expect(page.getByRole("navigation", { name: "On this page" }).count()).resolves.toBeGreaterThan(0);
    await page.getByRole("button", { name: "Run example 1" }).click();
    const output = page.getByRole("region", { name: "Output of example 1" });
    await output.locator("[data-run-seq]").or(output).first().waitFor();
    await page.waitForFunction(
      () =>
        document
          .querySelector("[data-run-status]")
          ?.textContent?.match(/^(Finished|Error|Deadlock|Stopped)/) !== null,
      null,
      { timeout: 30_000 },
    );
    // Printed lines carry their virtual time, e.g. "0.000s".
    const text = await output.textContent();
    expect(text).toMatch(/\d+\.\d{3}s/);
    done();
  });

  it.skipIf(!exercise)(
    "fails the starter of three-clients, then passes every check with the solution",
    async () => {
      const { page, done } = await openPage(session, `/learn/${THREE_CLIENTS}`);
      await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(exercise!.title);
      expect(await editorReady(page)).toBe(exercise!.starter);

      await page.getByRole("button", { name: "Submit" }).click();
      const results = page.getByRole("region", { name: "Results" });
      const grade = results.locator("[data-grade-status]");
      await grade.waitFor({ timeout: 60_000 });
      expect(await grade.getAttribute("data-grade-status")).toBe("fail");
      expect(await results.locator('[data-check-status="fail"]').count()).toBeGreaterThan(0);

      await setEditorText(page, exerciseFile(course, THREE_CLIENTS, "solution.ts"));
      await page.getByRole("button", { name: "Submit" }).click();
      await page.waitForFunction(
        () => document.querySelector("[data-grade-status]")?.getAttribute("data-grade-status") === "pass",
        null,
        { timeout: 60_000 },
      );
      const checks = results.locator("[data-check-status]");
      const statuses = await checks.evaluateAll((els) =>
        els.map((el) => el.getAttribute("data-check-status")),
      );
      expect(statuses.length).toBeGreaterThan(0);
      expect(statuses.every((s) => s === "pass")).toBe(true);
      done();
    },
  );

  it.skipIf(!exercise)(
    "runs the editor's program with Ctrl+Enter and shows lines with virtual times",
    async () => {
      const { page, done } = await openPage(session, `/learn/${THREE_CLIENTS}`);
      await editorReady(page);
      await setEditorText(page, exerciseFile(course, THREE_CLIENTS, "solution.ts"));
      await page.locator(".monaco-editor textarea").focus();
      await page.keyboard.press("Control+Enter");
      const output = page.getByRole("region", { name: "Output" });
      await output
        .locator("[data-run-status]")
        .filter({ hasText: /^Finished/ })
        .waitFor({ timeout: 30_000 });
      const text = await output.textContent();
      expect(text).toContain("Finished at 2.000s virtual");
      expect(text).toMatch(/0\.000s\s*Task-\d+\s*client 1 connected/);
      done();
    },
  );

  it.skipIf(!exercise)("cancels a run that never ends", async () => {
    const { page, done } = await openPage(session, `/learn/${THREE_CLIENTS}`);
    await editorReady(page);
    await setEditorText(page, "while (true) {}\n");
    await page.getByRole("button", { name: "Run" }).click();
    const cancel = page.getByRole("button", { name: "Cancel" });
    await cancel.waitFor();
    await page.waitForTimeout(300); // it is really running
    await cancel.click();
    const status = page.getByRole("region", { name: "Output" }).locator("[data-run-status]");
    await expect(status.textContent()).resolves.toBe("Cancelled");
    // The next run works (a fresh worker).
    await setEditorText(page, 'import { print } from "interleave";\nprint("again");\n');
    await page.getByRole("button", { name: "Run" }).click();
    await status.filter({ hasText: /^Finished/ }).waitFor({ timeout: 30_000 });
    done();
  });
});
