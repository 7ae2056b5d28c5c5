/**
 * The real course in exercises/: every lesson and prompt must load and every link must resolve.
 * This is where a broken lesson fails `npm test` (the web app renders the valid parts only).
 */
import { describe, expect, it } from "vitest";
import { validateCourse } from "./course";
import { defaultCourseRoot } from "./course-root";
import { formatContentError } from "./errors";
import { checkLinks } from "./links";

describe("exercises/", () => {
  it("has no content problems and no broken links", async () => {
    const root = defaultCourseRoot(import.meta.dirname);
    const { course, errors } = await validateCourse(root);
    const all = [...errors, ...(await checkLinks(course))];
    expect(all.map((e) => formatContentError(e))).toEqual([]);
  });
});
