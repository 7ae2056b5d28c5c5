/**
 * Loads the course from exercises/: one folder per module (lesson.md), one folder per exercise.
 *
 * Every problem is collected as a ContentError rather than thrown at once, so a teacher sees all
 * of them in one pass. Each call reads the files again (a few dozen small files), so `next dev`
 * shows an edited lesson on the next request; only the parsed frontmatter is memoised, keyed by
 * the file's path and full text, so it can never be stale. Files are read synchronously: for a
 * hundred small files that costs a third of the CPU of fs/promises (measured: 7 vs 20 ms for a
 * 13-module course), and the public functions stay async should that ever need to change.
 *
 * Folders whose names start with "." or "_" (and node_modules) are ignored at both levels, so a
 * module may keep assets in `_images/`; loose files other than lesson.md are ignored too.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { z } from "zod";
import { defaultCourseRoot } from "./course-root";
import { didYouMean } from "./did-you-mean";
import { type ContentError, CourseInvalidError, UnknownExerciseError, UnknownModuleError } from "./errors";
import { type ParsedFrontmatter, parseFrontmatter } from "./frontmatter";
import {
  EXERCISE_FOLDER,
  exerciseFrontmatter,
  type FieldSpec,
  type LessonFrontmatter,
  lessonFrontmatter,
  MODULE_FOLDER,
} from "./schema";
import type { Course, Exercise, Module } from "./types";

/** A course with every valid piece, plus every problem found (empty when the course is valid). */
export interface CourseCheck {
  course: Course;
  errors: ContentError[];
}

const LESSON_EXAMPLE = "a '---' line, then 'title: ...' and 'summary: ...' lines, then '---'";
const README_EXAMPLE = "a '---' line, then 'title: ...' and 'difficulty: ...' lines, then '---'";
const REQUIRED_FILES = [
  ["README.md", "the prompt, with title and difficulty in its frontmatter"],
  ["starter.ts", "the code the student starts from"],
  ["solution.ts", "the reference solution"],
  ["grader.ts", "the checks"],
] as const;

/**
 * Reads and validates the whole course, returning the valid parts and all problems.
 * Use it where a partial course is useful (`interleave check`, a dev error overlay).
 */
export async function validateCourse(root: string = defaultCourseRoot()): Promise<CourseCheck> {
  root = path.resolve(root);
  const course: Course = { root, modules: [] };
  if (!isDirectory(root)) {
    return { course, errors: [{ file: root, line: 0, message: "the course folder does not exist" }] };
  }
  const loaded = subfolders(root).map((name) => loadModuleFolder(root, name));
  const errors = loaded.flatMap((m) => m.errors);
  const modules = loaded.flatMap((m) => (m.module ? [{ module: m.module, orderLine: m.orderLine }] : []));
  errors.push(...duplicateModuleOrders(modules));
  errors.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  course.modules = modules.map((m) => m.module).sort(byOrderThenId);
  return { course, errors };
}

/**
 * Reads the whole course. @throws CourseInvalidError listing every problem found.
 * @example const course = await loadCourse(); course.modules[0].exercises[0].id
 */
export async function loadCourse(root?: string): Promise<Course> {
  const { course, errors } = await validateCourse(root);
  if (errors.length > 0) throw new CourseInvalidError(errors);
  return course;
}

/** Reads one module (its lesson and exercises). @throws UnknownModuleError, CourseInvalidError */
export async function loadModule(id: string, root: string = defaultCourseRoot()): Promise<Module> {
  root = path.resolve(root);
  const modules = isDirectory(root) ? subfolders(root) : [];
  if (!MODULE_FOLDER.test(id) || !modules.includes(id)) {
    throw new UnknownModuleError(id, didYouMean(id, modules));
  }
  const { module, errors } = loadModuleFolder(root, id);
  if (errors.length > 0 || !module) throw new CourseInvalidError(errors);
  return module;
}

/** Reads one exercise by id ("08-race-conditions/lost-update"). @throws UnknownExerciseError, CourseInvalidError */
export async function loadExercise(id: string, root: string = defaultCourseRoot()): Promise<Exercise> {
  root = path.resolve(root);
  const known = await listExerciseIds(root);
  if (!known.includes(id)) throw new UnknownExerciseError(id, didYouMean(id, known));
  const [moduleId, slug] = id.split("/") as [string, string];
  const { exercise, errors } = loadExerciseFolder(path.join(root, moduleId), moduleId, slug);
  if (errors.length > 0 || !exercise) throw new CourseInvalidError(errors);
  return exercise;
}

/** Every exercise id whose folders exist and are well named, sorted; no file is validated. */
export async function listExerciseIds(root: string = defaultCourseRoot()): Promise<string[]> {
  root = path.resolve(root);
  const modules = (isDirectory(root) ? subfolders(root) : []).filter((m) => MODULE_FOLDER.test(m));
  return modules.flatMap((m) =>
    subfolders(path.join(root, m))
      .filter((e) => EXERCISE_FOLDER.test(e))
      .map((e) => `${m}/${e}`),
  );
}

/**
 * Turns what a user typed (an id, or the path of an exercise folder, relative to `cwd` or
 * absolute) into a known exercise id. Anything else, including any path that leaves the course
 * ("../../etc/passwd"), is refused. @throws UnknownExerciseError
 */
export async function resolveExerciseId(
  idOrPath: string,
  root: string = defaultCourseRoot(),
  cwd: string = process.cwd(),
): Promise<string> {
  root = path.resolve(root);
  const known = await listExerciseIds(root);
  const cleaned = idOrPath.trim().replace(/\\/g, "/").replace(/\/+$/, "");
  if (known.includes(cleaned)) return cleaned;
  const relative = path.relative(root, path.resolve(cwd, cleaned)).split(path.sep).join("/");
  if (known.includes(relative)) return relative;
  const lastTwo = cleaned.split("/").slice(-2).join("/");
  throw new UnknownExerciseError(idOrPath, didYouMean(lastTwo, known));
}

interface ModuleLoad {
  module: Module | undefined;
  /** 1-based line of `order:` in lesson.md, or 0 when the order comes from the folder name. */
  orderLine: number;
  errors: ContentError[];
}

function loadModuleFolder(root: string, name: string): ModuleLoad {
  const dir = path.join(root, name);
  if (!MODULE_FOLDER.test(name)) {
    const message =
      `module folder '${name}' must be two digits, a dash and a lowercase name (letters, digits, ` +
      "dashes), e.g. '03-multithreading'";
    return { module: undefined, orderLine: 0, errors: [{ file: dir, line: 0, message }] };
  }
  const lessonPath = path.join(dir, "lesson.md");
  const lessonSource = readText(lessonPath);
  const errors: ContentError[] = [];
  const loads = subfolders(dir).map((slug) => loadExerciseFolder(dir, name, slug));
  for (const load of loads) errors.push(...load.errors);
  const exercises = loads.flatMap((l) => (l.exercise ? [l.exercise] : []));
  errors.push(...duplicateExerciseOrders(exercises, loads));

  if (lessonSource === undefined) {
    const misnamed = misnamedFile(dir, "lesson.md");
    if (misnamed) {
      const message = `found '${misnamed}' but the lesson must be named 'lesson.md'`;
      return {
        module: undefined,
        orderLine: 0,
        errors: [{ file: path.join(dir, misnamed), line: 0, message }, ...errors],
      };
    }
  }
  const lesson =
    lessonSource === undefined
      ? unwrittenLesson(name)
      : parseCached(lessonPath, lessonSource, lessonFrontmatter, LESSON_EXAMPLE);
  errors.unshift(...lesson.errors);
  if (!lesson.data) return { module: undefined, orderLine: 0, errors };

  exercises.sort((a, b) => (a.order ?? 1000) - (b.order ?? 1000) || a.slug.localeCompare(b.slug));
  const module: Module = {
    id: name,
    order: lesson.data.order ?? Number(name.slice(0, 2)),
    dir,
    lesson: {
      title: lesson.data.title,
      summary: lesson.data.summary,
      markdown: lesson.body,
      markdownLine: lesson.bodyLine,
      path: lessonPath,
      missing: lessonSource === undefined,
    },
    exercises,
  };
  return { module, orderLine: lesson.fieldLines.order ?? 0, errors };
}

interface ExerciseLoad {
  exercise: Exercise | undefined;
  orderLine: number;
  errors: ContentError[];
}

function loadExerciseFolder(moduleDir: string, moduleId: string, slug: string): ExerciseLoad {
  const dir = path.join(moduleDir, slug);
  if (!EXERCISE_FOLDER.test(slug)) {
    const message =
      `exercise folder '${slug}' must be lowercase letters, digits and dashes, starting with a ` +
      "letter or digit, e.g. 'lost-update'";
    return { exercise: undefined, orderLine: 0, errors: [{ file: dir, line: 0, message }] };
  }
  // One listing tells which files exist; only the README and the starter are read.
  const entries = readdirSync(dir, { withFileTypes: true });
  const fileNames = new Set(entries.filter((e) => e.isFile()).map((e) => e.name));
  const hasWrong = entries.some((e) => e.isDirectory() && e.name === "wrong");
  const files = {
    readme: path.join(dir, "README.md"),
    starter: path.join(dir, "starter.ts"),
    solution: path.join(dir, "solution.ts"),
    grader: path.join(dir, "grader.ts"),
    wrong: hasWrong ? wrongAnswers(path.join(dir, "wrong")) : [],
  };
  const present = REQUIRED_FILES.map(([file]) => fileNames.has(file));
  if (!present.some(Boolean)) {
    const needed = REQUIRED_FILES.map(([file]) => file).join(", ");
    const message = `empty exercise folder: it needs ${needed} (\`npx interleave new ${moduleId}/${slug}\` creates them)`;
    return { exercise: undefined, orderLine: 0, errors: [{ file: dir, line: 0, message }] };
  }
  const readme = present[0] ? readText(files.readme) : undefined;
  const starter = present[1] ? readText(files.starter) : undefined;
  const others = [...fileNames].filter((n) => !REQUIRED_FILES.some(([file]) => file === n));
  const errors: ContentError[] = REQUIRED_FILES.flatMap(([file, what], i) => {
    if (present[i]) return [];
    const stem = file.split(".")[0]!.toLowerCase();
    const near = others.find((n) => n.split(".")[0]!.toLowerCase() === stem);
    const found = near ? ` (found '${near}': rename it to '${file}')` : "";
    return [{ file: path.join(dir, file), line: 0, message: `missing ${file}: ${what}${found}` }];
  });
  if (readme === undefined) return { exercise: undefined, orderLine: 0, errors };

  const prompt = parseCached(files.readme, readme, exerciseFrontmatter, README_EXAMPLE);
  errors.unshift(...prompt.errors);
  if (!prompt.data || starter === undefined || errors.length > 0) {
    return { exercise: undefined, orderLine: 0, errors };
  }
  const { title, difficulty, hints, kind, tags, order } = prompt.data;
  const exercise: Exercise = {
    id: `${moduleId}/${slug}`,
    module: moduleId,
    slug,
    title,
    difficulty,
    hints: [...hints],
    kind,
    tags: [...tags],
    order,
    prompt: prompt.body,
    promptLine: prompt.bodyLine,
    starter,
    dir,
    files,
  };
  return { exercise, orderLine: prompt.fieldLines.order ?? 0, errors };
}

const parsedCache = new Map<string, ParsedFrontmatter<unknown>>();
const PARSED_CACHE_ENTRIES = 512;

/** parseFrontmatter, memoised by path and text (YAML and schema checks are most of a load's CPU). */
function parseCached<S extends z.ZodType>(
  file: string,
  source: string,
  spec: { schema: S; fields: Record<string, FieldSpec> },
  example: string,
): ParsedFrontmatter<z.output<S>> {
  const key = `${file}\0${source}`;
  let parsed = parsedCache.get(key) as ParsedFrontmatter<z.output<S>> | undefined;
  if (!parsed) {
    parsed = parseFrontmatter(file, source, spec, example);
    parsedCache.set(key, parsed);
    if (parsedCache.size > PARSED_CACHE_ENTRIES)
      parsedCache.delete(parsedCache.keys().next().value as string);
  }
  return parsed;
}

/**
 * A module whose lesson is not written yet still lists its exercises (a course is written a
 * piece at a time): its title comes from the folder name, "05-sync-vs-async" -> "Sync vs async".
 */
function unwrittenLesson(folder: string): ParsedFrontmatter<LessonFrontmatter> {
  const words = folder.slice(3).replace(/-/g, " ");
  const title = words.charAt(0).toUpperCase() + words.slice(1);
  return {
    data: { title, summary: "", order: undefined },
    body: "",
    bodyLine: 1,
    fieldLines: {},
    errors: [],
  };
}

/** A file in `dir` whose name is `expected` in another case or extension ("Lesson.md", "lesson.markdown"). */
function misnamedFile(dir: string, expected: string): string | undefined {
  const stem = expected.replace(/\.md$/i, "").toLowerCase();
  const entries = readdirSync(dir, { withFileTypes: true });
  return entries.find(
    (e) =>
      e.isFile() &&
      e.name !== expected &&
      /^([^.]+)\.(md|markdown|mdx)$/i.exec(e.name)?.[1]?.toLowerCase() === stem,
  )?.name;
}

function duplicateModuleOrders(modules: { module: Module; orderLine: number }[]): ContentError[] {
  const errors: ContentError[] = [];
  const seen = new Map<number, Module>();
  for (const { module, orderLine } of [...modules].sort((a, b) => a.module.id.localeCompare(b.module.id))) {
    const first = seen.get(module.order);
    if (!first) {
      seen.set(module.order, module);
      continue;
    }
    const message =
      orderLine > 0
        ? `order ${module.order} is already used by module ${first.id}; each module needs its own order`
        : `module ${module.id} gets order ${module.order} from its folder name, like ${first.id}; ` +
          "renumber one folder or set 'order:' in its lesson.md";
    errors.push({ file: module.lesson.path, line: orderLine, message });
  }
  return errors;
}

function duplicateExerciseOrders(exercises: Exercise[], loads: ExerciseLoad[]): ContentError[] {
  const lineOf = new Map(loads.flatMap((l) => (l.exercise ? [[l.exercise.id, l.orderLine] as const] : [])));
  const seen = new Map<number, Exercise>();
  const errors: ContentError[] = [];
  for (const exercise of exercises) {
    if (exercise.order === undefined) continue;
    const first = seen.get(exercise.order);
    if (!first) {
      seen.set(exercise.order, exercise);
      continue;
    }
    errors.push({
      file: exercise.files.readme,
      line: lineOf.get(exercise.id) ?? 0,
      message: `order ${exercise.order} is already used by exercise ${first.id}; each exercise of a module needs its own order`,
    });
  }
  return errors;
}

function byOrderThenId(a: Module, b: Module): number {
  return a.order - b.order || a.id.localeCompare(b.id);
}

/** Names of the subfolders worth looking at, sorted (skips ".x", "_x" and node_modules). */
function subfolders(dir: string): string[] {
  const entries = readdirSync(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory() && !/^[._]/.test(e.name) && e.name !== "node_modules")
    .map((e) => e.name)
    .sort();
}

function wrongAnswers(dir: string): string[] {
  const entries = readdirSync(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(".ts"))
    .map((e) => path.join(dir, e.name))
    .sort();
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

function isDirectory(dir: string): boolean {
  return statSync(dir, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

function isMissing(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "ENOENT" || code === "EISDIR" || code === "ENOTDIR";
}
