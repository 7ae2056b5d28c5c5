import { describe, expect, it } from "vitest";
import { didYouMean } from "./did-you-mean";
import { formatContentError } from "./errors";
import { describe as describeValue, parseFrontmatter, splitFrontmatter } from "./frontmatter";
import { exerciseFrontmatter, lessonFrontmatter } from "./schema";
import { Slugger } from "./slug";

const lesson = (source: string) =>
  parseFrontmatter("/c/01-a/lesson.md", source, lessonFrontmatter, "EXAMPLE");
const readme = (source: string) =>
  parseFrontmatter("/c/01-a/x/README.md", source, exerciseFrontmatter, "EXAMPLE");

describe("splitFrontmatter", () => {
  it("accepts Windows line endings, a byte-order mark and a '...' closing line", () => {
    expect(splitFrontmatter("\uFEFF---\r\ntitle: A\r\n...\r\nBody\r\n")).toEqual({
      yaml: "title: A",
      yamlLine: 2,
      body: "Body\n",
      bodyLine: 4,
      unclosed: false,
    });
  });
});

describe("parseFrontmatter", () => {
  it("returns the data, the body and the line each field is on", () => {
    const parsed = lesson("---\ntitle: Threads\n\nsummary: Sharing memory.\n---\n# Threads\n");
    expect(parsed).toEqual({
      data: { title: "Threads", summary: "Sharing memory." },
      body: "# Threads\n",
      bodyLine: 6,
      fieldLines: { title: 2, summary: 4 },
      errors: [],
    });
  });

  it("applies the exercise defaults: kind write, no hints, no tags", () => {
    expect(readme("---\ntitle: T\ndifficulty: hard\n---\n").data).toEqual({
      title: "T",
      difficulty: "hard",
      kind: "write",
      hints: [],
      tags: [],
    });
  });

  it("reports every missing required field of an empty frontmatter at its first line", () => {
    expect(readme("---\n---\n").errors.map((e) => [e.line, e.message])).toEqual([
      [1, "missing required field 'title'"],
      [1, "missing required field 'difficulty'"],
    ]);
  });

  it("points at the item of a list that is wrong", () => {
    const { errors } = readme("---\ntitle: T\ndifficulty: easy\nhints:\n  - fine\n  - 42\n---\n");
    expect(errors).toEqual([
      {
        file: "/c/01-a/x/README.md",
        line: 6,
        column: 5,
        message: "hints[1]: expected a non-empty string; got 42",
        expected: "a non-empty string",
      },
    ]);
  });

  it("explains a blank title", () => {
    expect(lesson("---\ntitle: '  '\nsummary: s\n---\n").errors[0]?.message).toBe(
      "title: expected a non-empty string; got '  '",
    );
  });
});

describe("describe", () => {
  it("names values the way a teacher would read them", () => {
    expect([null, "x", 3, true, [1], [1, 2], { a: 1 }].map(describeValue)).toEqual([
      "nothing",
      "'x'",
      "3",
      "true",
      "a list of 1 item",
      "a list of 2 items",
      "a mapping (nested fields)",
    ]);
    expect(describeValue("x".repeat(50))).toBe(`'${"x".repeat(37)}...'`);
  });
});

describe("didYouMean", () => {
  it("suggests close spellings only", () => {
    expect(didYouMean("titel", ["title", "summary"])).toBe("title");
    expect(didYouMean("difficluty", ["title", "difficulty"])).toBe("difficulty");
    expect(didYouMean("colour", ["title", "summary", "order"])).toBeUndefined();
  });
});

describe("formatContentError", () => {
  it("prints file:line:column relative to the working directory, and what was expected", () => {
    const error = { file: "/repo/exercises/01-a/lesson.md", line: 3, column: 7, message: "m", expected: "e" };
    expect(formatContentError(error, { cwd: "/repo" })).toBe("exercises/01-a/lesson.md:3:7: m (expected e)");
    expect(formatContentError({ file: "/repo/x", line: 0, message: "m" }, { cwd: "/repo" })).toBe("x: m");
    expect(formatContentError({ file: "/elsewhere/x", line: 2, message: "m" }, { cwd: "/repo" })).toBe(
      "/elsewhere/x:2: m",
    );
  });
});

describe("Slugger", () => {
  it("slugs like GitHub and numbers repeats", () => {
    const slugger = new Slugger();
    expect(
      ["Hello, World!", "Hello World", "Hello World", "hello-world-1", "  ", "C'est déjà là"].map((t) =>
        slugger.slug(t),
      ),
    ).toEqual([
      "hello-world",
      "hello-world-1",
      "hello-world-2",
      "hello-world-1-1",
      "section",
      "cest-déjà-là",
    ]);
  });
});
