import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  listExerciseIds,
  loadCourse,
  loadExercise,
  loadModule,
  resolveExerciseId,
  validateCourse,
} from "./course";
import { type ContentError, CourseInvalidError, UnknownExerciseError, UnknownModuleError } from "./errors";
import { loadSolution, loadWrongAnswers } from "./solutions";

const fixtures = path.join(import.meta.dirname, "__fixtures__");
const fixture = (name: string) => path.join(fixtures, name);

/** Errors as "file:line[:column] message" relative to the fixture, for exact comparison. */
function lines(root: string, errors: readonly ContentError[]): string[] {
  return errors.map((e) => {
    const where = [path.relative(root, e.file), e.line, e.column].filter((x) => x !== undefined).join(":");
    return `${where} ${e.message}`;
  });
}

describe("loadCourse on a valid course", () => {
  it("returns modules in order with their lessons and exercises", async () => {
    const root = fixture("valid");
    const course = await loadCourse(root);
    expect(course.root).toBe(root);
    expect(course.modules.map((m) => [m.id, m.order, m.lesson.title])).toEqual([
      ["01-basics", 1, "Basics"],
      ["02-threads", 5, "Threads"],
    ]);
    const basics = course.modules[0]!;
    expect(basics.lesson.summary).toBe("What a program is, and how it runs.");
    expect(basics.lesson.markdown.trimStart().startsWith("# Basics")).toBe(true);
    expect(basics.lesson.markdownLine).toBe(5);
    expect(basics.lesson.path).toBe(path.join(root, "01-basics/lesson.md"));
    // counter has order: 1, so it comes before hello (no order), whatever the folder names say.
    expect(basics.exercises.map((e) => e.id)).toEqual(["01-basics/counter", "01-basics/hello"]);
  });

  it("reads an exercise's frontmatter, prompt, starter and file paths, with defaults", async () => {
    const root = fixture("valid");
    const course = await loadCourse(root);
    const [counter, hello] = course.modules[0]!.exercises;
    expect(hello).toMatchObject({
      id: "01-basics/hello",
      module: "01-basics",
      slug: "hello",
      title: "Say hello",
      difficulty: "intro",
      hints: ["Use print.", "Print the word hello."],
      kind: "write",
      tags: [],
      order: undefined,
      starter: 'export const starter = "TODO";\n',
      promptLine: 8,
    });
    expect(hello!.prompt.trim()).toBe("Write a program that prints **hello**.");
    const dir = path.join(root, "01-basics/hello");
    expect(hello!.files).toEqual({
      readme: path.join(dir, "README.md"),
      starter: path.join(dir, "starter.ts"),
      solution: path.join(dir, "solution.ts"),
      grader: path.join(dir, "grader.ts"),
      wrong: [path.join(dir, "wrong/prints-nothing.ts"), path.join(dir, "wrong/says-hi.ts")],
    });
    expect(counter).toMatchObject({ kind: "fix", tags: ["loops", "basics"], order: 1, hints: [] });
  });

  it("never puts the solution's text in the course object", async () => {
    const course = await loadCourse(fixture("valid"));
    expect(JSON.stringify(course)).not.toContain('export const solution = "hello"');
    const hello = course.modules[0]!.exercises[1]!;
    expect(await loadSolution(hello)).toBe('export const solution = "hello";\n');
    expect((await loadWrongAnswers(hello)).map((w) => [w.name, w.source.trim()])).toEqual([
      ["prints-nothing", 'export const wrong = "";'],
      ["says-hi", 'export const wrong = "hi";'],
    ]);
  });
});

describe("an empty or missing course", () => {
  let tmp: string | undefined;
  afterEach(async () => {
    if (tmp) await rm(tmp, { recursive: true, force: true });
    tmp = undefined;
  });

  it("loads an empty exercises/ folder as a course with no modules", async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), "content-"));
    expect(await loadCourse(tmp)).toEqual({ root: tmp, modules: [] });
    expect(await listExerciseIds(tmp)).toEqual([]);
  });

  it("loads a module that has a lesson and no exercises yet", async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), "content-"));
    await mkdir(path.join(tmp, "01-processes"));
    await writeFile(path.join(tmp, "01-processes/lesson.md"), "---\ntitle: Processes\nsummary: s\n---\n");
    const course = await loadCourse(tmp);
    expect(course.modules.map((m) => [m.id, m.exercises.length])).toEqual([["01-processes", 0]]);
  });

  it("reports a course folder that does not exist", async () => {
    const missing = path.join(fixtures, "no-such-course");
    const { errors } = await validateCourse(missing);
    expect(errors).toEqual([{ file: missing, line: 0, message: "the course folder does not exist" }]);
  });

  it("sees a lesson edited between two calls (nothing is cached)", async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), "content-"));
    await mkdir(path.join(tmp, "01-a"));
    const lesson = path.join(tmp, "01-a/lesson.md");
    await writeFile(lesson, "---\ntitle: Before\nsummary: s\n---\n");
    expect((await loadCourse(tmp)).modules[0]!.lesson.title).toBe("Before");
    await writeFile(lesson, "---\ntitle: After\nsummary: s\n---\n");
    expect((await loadCourse(tmp)).modules[0]!.lesson.title).toBe("After");
  });
});

describe("frontmatter mistakes", () => {
  const root = fixture("bad-frontmatter");

  it("are all reported at once, each with its file, line and a precise message", async () => {
    const { course, errors } = await validateCourse(root);
    expect(course.modules).toEqual([]);
    expect(lines(root, errors)).toEqual([
      "01-types/lesson.md:2:8 title: expected a non-empty string; got 42",
      "01-types/lesson.md:3:9 summary: expected a non-empty string; got nothing",
      "01-types/lesson.md:4:8 order: expected a whole number from 1 to 999; got 1.5",
      "01-types/missing-title/README.md:1 missing required field 'title'",
      "01-types/too-many-hints/README.md:5:3 hints: expected a list of at most 5 strings; got a list of 6 items",
      "01-types/wrong-types/README.md:3:13 difficulty: expected one of intro, easy, medium, hard; got 'hrad'",
      "01-types/wrong-types/README.md:4:8 hints: expected a list of at most 5 strings; got 'use a lock'",
      "01-types/wrong-types/README.md:5:7 kind: expected one of write, fix, find-schedule, predict; got 'writ'",
      "01-types/wrong-types/README.md:6:8 tags[0]: expected a lowercase word (letters, digits, dashes); got 'Races'",
      "02-unknown/lesson.md:2:1 unknown field 'titel' — did you mean 'title'?",
      "02-unknown/lesson.md:4:1 unknown field 'sumary' — did you mean 'summary'?",
      "02-unknown/lesson.md:5:1 unknown field 'colour'",
      "03-yaml/duplicate-key/README.md:4:1 a field is given twice",
      "03-yaml/lesson.md:2:8 YAML syntax error: Nested mappings are not allowed in compact mappings — put a value containing ': ' or ' #' in quotes",
      "04-no-frontmatter/lesson.md:1 no frontmatter at the top of the file",
      "05-unclosed/lesson.md:1 the frontmatter starts with '---' but has no closing '---' line",
      "06-list/lesson.md:2 the frontmatter must be 'field: value' lines; got a list of 2 items",
    ]);
  });

  it("say what was expected", async () => {
    const { errors } = await validateCourse(root);
    const find = (text: string) => errors.find((e) => e.message.includes(text));
    expect(find("'hrad'")).toEqual({
      file: path.join(root, "01-types/wrong-types/README.md"),
      line: 3,
      column: 13,
      message: "difficulty: expected one of intro, easy, medium, hard; got 'hrad'",
      expected: "one of intro, easy, medium, hard",
    });
    expect(find("'titel'")?.expected).toBe("one of title, summary, order");
    expect(find("missing required field")?.expected).toBe("a non-empty string");
    expect(find("no frontmatter")?.expected).toBe(
      "a '---' line, then 'title: ...' and 'summary: ...' lines, then '---'",
    );
  });

  it("make loadCourse throw one CourseInvalidError listing every problem", async () => {
    const error = await loadCourse(root).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CourseInvalidError);
    const invalid = error as CourseInvalidError;
    expect(invalid.errors).toHaveLength(17);
    expect(invalid.message).toMatch(/^The course has 17 problems:\n/);
    expect(invalid.message).toContain("01-types/wrong-types/README.md:3:13: difficulty: expected one of");
  });
});

describe("folder layout mistakes", () => {
  const root = fixture("bad-layout");

  it("report bad folder names, missing or misnamed files, and keep the valid modules", async () => {
    const { course, errors } = await validateCourse(root);
    expect(lines(root, errors)).toEqual([
      "02-files/Bad_Exercise:0 exercise folder 'Bad_Exercise' must be lowercase letters, digits and dashes, starting with a letter or digit, e.g. 'lost-update'",
      "02-files/empty-folder:0 empty exercise folder: it needs README.md, starter.ts, solution.ts, grader.ts (`npx interleave new 02-files/empty-folder` creates them)",
      "02-files/no-starter/starter.ts:0 missing starter.ts: the code the student starts from",
      "04-misnamed/Lesson.md:0 found 'Lesson.md' but the lesson must be named 'lesson.md'",
      "04-misnamed/readme-case/README.md:0 missing README.md: the prompt, with title and difficulty in its frontmatter (found 'readme.md': rename it to 'README.md')",
      "04-misnamed/readme-case/starter.ts:0 missing starter.ts: the code the student starts from (found 'starter.js': rename it to 'starter.ts')",
      "Bad_Module:0 module folder 'Bad_Module' must be two digits, a dash and a lowercase name (letters, digits, dashes), e.g. '03-multithreading'",
    ]);
    expect(course.modules.map((m) => [m.id, m.exercises.map((e) => e.slug)])).toEqual([
      ["01-missing-lesson", ["fine"]],
      ["02-files", []],
      ["03-ok", ["good"]],
    ]);
  });

  it("accept a module whose lesson is not written yet, titled from its folder name", async () => {
    const { course } = await validateCourse(root);
    expect(course.modules[0]!.lesson).toEqual({
      title: "Missing lesson",
      summary: "",
      markdown: "",
      markdownLine: 1,
      path: path.join(root, "01-missing-lesson/lesson.md"),
      missing: true,
    });
    expect(course.modules[1]!.lesson.missing).toBe(false);
  });
});

describe("duplicate order", () => {
  it("is reported on the later module or exercise, at its order line", async () => {
    const root = fixture("duplicate-order");
    const { errors } = await validateCourse(root);
    expect(lines(root, errors)).toEqual([
      "01-second/lesson.md:0 module 01-second gets order 1 from its folder name, like 01-first; renumber one folder or set 'order:' in its lesson.md",
      "02-third/b/README.md:4 order 1 is already used by exercise 02-third/a; each exercise of a module needs its own order",
      "03-fourth/lesson.md:4 order 2 is already used by module 02-third; each module needs its own order",
    ]);
  });
});

describe("loadModule and loadExercise", () => {
  const root = fixture("valid");

  it("load one module or one exercise by id", async () => {
    expect((await loadModule("02-threads", root)).exercises.map((e) => e.id)).toEqual([
      "02-threads/two-threads",
    ]);
    expect((await loadExercise("01-basics/hello", root)).title).toBe("Say hello");
  });

  it("refuse unknown ids, suggesting the closest", async () => {
    await expect(loadModule("02-thread", root)).rejects.toThrow(
      new UnknownModuleError("02-thread", "02-threads").message,
    );
    await expect(loadExercise("01-basics/helo", root)).rejects.toThrow("Did you mean '01-basics/hello'?");
    await expect(loadExercise("../01-basics/hello", root)).rejects.toBeInstanceOf(UnknownExerciseError);
  });

  it("throw CourseInvalidError with only that exercise's problems", async () => {
    const broken = fixture("bad-frontmatter");
    const error = (await loadExercise("01-types/wrong-types", broken).catch(
      (e: unknown) => e,
    )) as CourseInvalidError;
    expect(error).toBeInstanceOf(CourseInvalidError);
    expect(error.errors.map((e) => e.line)).toEqual([3, 4, 5, 6]);
  });
});

describe("resolveExerciseId", () => {
  const root = fixture("valid");

  it("accepts an id or the path of an exercise folder", async () => {
    expect(await resolveExerciseId("01-basics/hello", root)).toBe("01-basics/hello");
    expect(await resolveExerciseId(path.join(root, "01-basics/hello"), root)).toBe("01-basics/hello");
    expect(await resolveExerciseId("./01-basics/hello/", root, root)).toBe("01-basics/hello");
    expect(await resolveExerciseId("valid/02-threads/two-threads", root, fixtures)).toBe(
      "02-threads/two-threads",
    );
  });

  it("refuses paths that leave the course, and anything that is not an exercise", async () => {
    for (const input of [
      "../../etc/passwd",
      "/etc/passwd",
      "01-basics",
      "01-basics/hello/../../..",
      "",
      "_drafts/junk",
    ]) {
      await expect(resolveExerciseId(input, root, root)).rejects.toBeInstanceOf(UnknownExerciseError);
    }
    await expect(resolveExerciseId("../../etc/passwd", root)).rejects.toThrow(
      "'../../etc/passwd' is not an exercise of this course: give an id such as " +
        "'08-race-conditions/lost-update' or the path of an exercise folder inside exercises/.",
    );
  });
});
