/** The exercise page's own behaviour: prompt first, hints, drafts, reset, Submit's validation. */
import { describe, expect, it } from "vitest";
import { MAX_CODE_BYTES } from "@/lib/site";
import { builtCourse, editorReady, openPage, setEditorText, startSession } from "./session";

const course = await builtCourse();
const session = startSession(course);
const exercise = course.modules.flatMap((m) => m.exercises).find((e) => e.hints.length >= 2);
const path = exercise ? `/learn/${exercise.id}` : "";

describe.skipIf(!exercise)("an exercise page", () => {
  it("shows the prompt without JavaScript (it never waits for the editor)", async () => {
    const context = await session.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(session.server.url + path);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(exercise!.title);
    // The starter is shown as text while Monaco loads.
    await expect(page.locator("pre").last().textContent()).resolves.toContain(
      exercise!.starter.split("\n")[0],
    );
    await context.close();
  });

  it("reveals hints one at a time", async () => {
    const { page, done } = await openPage(session, path);
    const hints = page.locator("#hints-heading + ol > li");
    await expect(hints.count()).resolves.toBe(0);
    await page.getByRole("button", { name: /^Show a hint \(1 of/ }).click();
    await expect(hints.count()).resolves.toBe(1);
    await expect(hints.first().textContent()).resolves.toBe(exercise!.hints[0]);
    await page.getByRole("button", { name: /^Show the next hint \(2 of/ }).click();
    await expect(hints.count()).resolves.toBe(2);
    done();
  });

  it("keeps a draft across a reload, and resets to the starter only after asking", async () => {
    const { page, done } = await openPage(session, path);
    expect(await editorReady(page)).toBe(exercise!.starter);
    await setEditorText(page, "// my draft\n");
    await page.waitForTimeout(800); // the autosave's debounce
    await page.reload();
    expect(await editorReady(page)).toBe("// my draft\n");

    await page.getByRole("button", { name: "Reset to starter" }).click();
    const dialog = page.getByRole("dialog", { name: "Reset to the starter code?" });
    await dialog.waitFor();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog.isVisible()).resolves.toBe(false);
    expect(await page.evaluate(() => window.interleaveEditor?.getValue())).toBe("// my draft\n");

    await page.getByRole("button", { name: "Reset to starter" }).click();
    await dialog.getByRole("button", { name: "Reset" }).click();
    expect(await page.evaluate(() => window.interleaveEditor?.getValue())).toBe(exercise!.starter);
    await page.reload();
    expect(await editorReady(page)).toBe(exercise!.starter);
    done();
  });

  it("refuses code over the size limit with a clear message in the Results region", async () => {
    const { page, done } = await openPage(session, path);
    await editorReady(page);
    await setEditorText(page, `// ${"x".repeat(MAX_CODE_BYTES)}\n`);
    await page.getByRole("button", { name: "Submit" }).click();
    const results = page.getByRole("region", { name: "Results" });
    await results.getByText(/the limit is 64 KiB/).waitFor();
    done();
  });

  it("knows the runtime's types: a misspelt asyncio call is a TypeScript error, the import is not", async () => {
    const { page, done } = await openPage(session, path);
    await editorReady(page);
    await setEditorText(page, 'import { asyncio } from "interleave";\nasyncio.sleeep(1);\n');
    await page.waitForFunction(
      () => (window.interleaveMarkers?.() ?? []).some((m) => m.includes("sleeep")),
      null,
      { timeout: 30_000 },
    );
    const markers = await page.evaluate(() => window.interleaveMarkers?.() ?? []);
    expect(markers.join("\n")).toMatch(/Property 'sleeep' does not exist.*Did you mean 'sleep'/s);
    expect(markers.join("\n")).not.toContain("Cannot find module");
    done();
  });

  it("lists the exercise on the home page as where to continue", async () => {
    const { page, done } = await openPage(session, path);
    await editorReady(page);
    await page.goto(session.server.url);
    const link = page.getByRole("link", { name: `Continue where you left off: ${exercise!.title}` });
    await expect(link.getAttribute("href")).resolves.toBe(path);
    done();
  });
});
