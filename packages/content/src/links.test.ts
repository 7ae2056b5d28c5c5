import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadCourse } from "./course";
import { checkLinks, resolveCourseLink } from "./links";
import { renderMarkdown } from "./markdown";

const root = path.join(import.meta.dirname, "__fixtures__", "links");
const lesson = path.join(root, "01-intro/lesson.md");

describe("resolveCourseLink", () => {
  it("recognises modules, exercises, anchors, files, external links and escapes", () => {
    expect(resolveCourseLink("../02-next/lesson.md", lesson, root)).toEqual({
      kind: "module",
      id: "02-next",
      anchor: undefined,
    });
    expect(resolveCourseLink("./hello/README.md#the-task", lesson, root)).toEqual({
      kind: "exercise",
      id: "01-intro/hello",
      anchor: "the-task",
    });
    expect(resolveCourseLink("#summary", lesson, root)).toEqual({ kind: "anchor", anchor: "summary" });
    expect(resolveCourseLink("_images/a.png", lesson, root)).toEqual({
      kind: "file",
      path: path.join(root, "01-intro/_images/a.png"),
    });
    expect(resolveCourseLink("https://docs.python.org/3/", lesson, root)).toEqual({ kind: "external" });
    expect(resolveCourseLink("../../etc/passwd", lesson, root)).toEqual({ kind: "outside" });
  });
});

describe("checkLinks", () => {
  it("reports each broken link with its file, line and column", async () => {
    const errors = await checkLinks(await loadCourse(root));
    const readme = path.join(root, "01-intro/hello/README.md");
    expect(errors).toEqual([
      {
        file: lesson,
        line: 12,
        column: 3,
        message: "broken link '#nope': no heading here has the id 'nope'",
      },
      {
        file: lesson,
        line: 13,
        column: 3,
        message: "broken link '../03-missing/lesson.md': no module '03-missing' in the course",
      },
      {
        file: lesson,
        line: 14,
        column: 3,
        message: "broken link './hello/#nope': 01-intro/hello has no heading with the id 'nope'",
      },
      {
        file: lesson,
        line: 15,
        column: 3,
        message: "broken link '../../../etc/passwd': it points outside the course folder",
      },
      { file: lesson, line: 16, column: 3, message: "broken link './_images/missing.png': no such file" },
      {
        file: readme,
        line: 8,
        column: 45,
        message: "broken link '../lesson.md#missing': 01-intro has no heading with the id 'missing'",
      },
    ]);
  });
});

describe("renderMarkdown with links", () => {
  it("turns links to modules and exercises into app routes and leaves the rest", async () => {
    const course = await loadCourse(root);
    const markdown = course.modules[0]!.lesson.markdown;
    const { html } = await renderMarkdown(markdown, { links: { file: lesson, root } });
    expect(html).toContain('<a href="/learn/02-next">next lesson</a>');
    expect(html).toContain('<a href="/learn/02-next">its folder</a>');
    expect(html).toContain('<a href="/learn/01-intro/hello">the exercise</a>');
    expect(html).toContain('<a href="/learn/01-intro/hello#the-task">its task</a>');
    expect(html).toContain('<a href="/learn/02-next#next">a reference</a>');
    expect(html).toContain('<a href="#summary">the summary</a>');
    expect(html).toContain('<a href="https://example.com">the web</a>');
    const custom = await renderMarkdown(markdown, { links: { file: lesson, root, prefix: "/course/" } });
    expect(custom.html).toContain('<a href="/course/02-next">next lesson</a>');
  });
});
