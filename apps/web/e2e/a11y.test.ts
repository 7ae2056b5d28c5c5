/** axe on every kind of page, in both themes: no serious or critical violations. */
import { AxeBuilder } from "@axe-core/playwright";
import { describe, expect, it } from "vitest";
import { builtCourse, editorReady, openPage, startSession } from "./session";

const course = await builtCourse();
const session = startSession(course);
const lesson = course.modules[0];
const exercise = course.modules.flatMap((m) => m.exercises)[0];

const pages = [
  { name: "home", path: "/", editor: false },
  ...(lesson ? [{ name: "lesson", path: `/learn/${lesson.id}`, editor: false }] : []),
  ...(exercise ? [{ name: "exercise", path: `/learn/${exercise.id}`, editor: true }] : []),
];

describe("accessibility (axe)", () => {
  it.each(pages)(
    "the $name page has no serious or critical violations, light and dark",
    async ({ path, editor }) => {
      const { page, done } = await openPage(session, path);
      for (const theme of ["light", "dark"]) {
        await page.evaluate((t) => localStorage.setItem("interleave:theme", t), theme);
        await page.reload();
        if (editor) await editorReady(page);
        const results = await new AxeBuilder({ page }).analyze();
        const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
        expect(
          serious.map((v) => `${theme}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(" ")})`),
        ).toEqual([]);
      }
      done();
    },
  );
});
