/**
 * `interleave check [PATH]`: validates the whole course, a module or one exercise. The files and
 * frontmatter go through @interleave/content; then, per exercise, the grader must load, the
 * reference solution must pass every check (hidden ones included), and the starter and every
 * wrong answer must fail at least one. The starter and the solution must also type-check as the
 * web app's editor checks them: a type error there is a red squiggle the student sees.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import {
  CourseInvalidError,
  defaultCourseRoot,
  type Exercise,
  formatContentError,
  listExerciseIds,
  loadCourse,
  loadExercise,
  validateCourse,
} from "@interleave/content";
import { editorDiagnostics } from "@interleave/sandbox/editor-diagnostics";
import { GraderSetupError, UsageError } from "../errors";
import type { Executor } from "../executor";
import { gradeWithDefinition } from "../grade";
import { loadGrader } from "../load-grader";
import type { GradingResult } from "../results";
import { courseExecutor } from "../sandbox-executor";
import { type CliIO, EXIT, paint } from "./io";

/** Wrong answers an exercise needs at least (the course's rule). */
export const MIN_WRONG_ANSWERS = 2;

function inside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

/** Exit 0 when everything checked is valid, 1 when anything is not, 2 for a usage error. */
export async function checkCommand(target: string | undefined, io: CliIO): Promise<number> {
  const c = paint(io);
  const root = io.root ?? defaultCourseRoot(io.cwd);
  const scope = target ? path.resolve(io.cwd, target) : root;
  if (!inside(scope, root)) throw new UsageError(`'${target}' is not inside the course folder ${root}`);
  const started = performance.now();
  const { course, errors } = await validateCourse(root);
  const contentErrors = errors.filter((e) => inside(e.file, scope));
  const exercises = await exercisesIn(
    scope,
    root,
    course.modules.flatMap((m) => m.exercises),
  );
  if (exercises.length === 0 && contentErrors.length === 0 && scope !== root) {
    throw new UsageError(`no exercise found at '${target}'`);
  }
  for (const error of contentErrors)
    io.stdout(`${c.red("✗")} ${formatContentError(error, { cwd: io.cwd })}\n`);

  // The course's own files: single runs in the sandbox, exploration in-process (courseExecutor).
  const owned = io.executor ? null : await courseExecutor();
  const executor = io.executor ?? owned!;
  try {
    return await checkAll(exercises, contentErrors.length, executor, io, started);
  } finally {
    owned?.[Symbol.dispose]();
  }
}

async function checkAll(
  exercises: Exercise[],
  contentErrorCount: number,
  executor: Executor,
  io: CliIO,
  started: number,
): Promise<number> {
  const c = paint(io);
  let failed = 0;
  const typeProblems = await editorTypeProblems(exercises);
  for (const [i, exercise] of exercises.entries()) {
    if (io.color) io.stderr(c.dim(`  checking ${i + 1}/${exercises.length} ${exercise.id} ...\r`));
    const t0 = performance.now();
    const problems = [...(typeProblems.get(exercise.id) ?? []), ...(await checkExercise(exercise, executor))];
    const ms = c.dim(`${Math.round(performance.now() - t0)} ms`);
    if (io.color) io.stderr("\u001b[2K");
    if (problems.length === 0) {
      const wrong = exercise.files.wrong.length;
      io.stdout(
        `${c.green("✓")} ${exercise.id} ${c.dim(`(solution passes, starter and ${wrong} wrong answers fail)`)} ${ms}\n`,
      );
    } else {
      failed++;
      io.stdout(`${c.red("✗")} ${exercise.id} ${ms}\n`);
      for (const p of problems) io.stdout(`${p.replace(/^/gm, "    ")}\n`);
    }
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const summary = [
    `${exercises.length} exercise${exercises.length === 1 ? "" : "s"} checked: ${exercises.length - failed} ok`,
    failed ? c.red(`${failed} with problems`) : "",
    contentErrorCount ? c.red(`${contentErrorCount} file problem${contentErrorCount === 1 ? "" : "s"}`) : "",
  ].filter(Boolean);
  io.stdout(`\n${summary.join(", ")} ${c.dim(`(${seconds} s)`)}\n`);
  return failed > 0 || contentErrorCount > 0 ? EXIT.failed : EXIT.ok;
}

/**
 * Type errors the editor would show in each exercise's starter and solution, as problem lines by
 * exercise id (one TypeScript program for all of them).
 */
export async function editorTypeProblems(exercises: readonly Exercise[]): Promise<Map<string, string[]>> {
  const files: { file: string; text: string; id: string; label: string }[] = [];
  for (const exercise of exercises) {
    for (const [label, file] of [
      ["starter.ts", exercise.files.starter],
      ["solution.ts", exercise.files.solution],
    ] as const) {
      files.push({ file, text: await readFile(file, "utf8"), id: exercise.id, label });
    }
  }
  const byFile = new Map(files.map((f) => [f.file, f]));
  const problems = new Map<string, string[]>();
  for (const d of await editorDiagnostics(files)) {
    const f = byFile.get(d.file)!;
    const list = problems.get(f.id) ?? [];
    list.push(`${f.label}:${d.line}:${d.column}: the editor shows a type error: ${d.message}`);
    problems.set(f.id, list);
  }
  return problems;
}

/** Every type error the editor would show in the course's starters and solutions, one line each. */
export async function courseTypeProblems(root?: string): Promise<string[]> {
  const course = await loadCourse(root);
  const exercises = course.modules.flatMap((m) => m.exercises);
  const problems = await editorTypeProblems(exercises);
  return [...problems].flatMap(([id, lines]) => lines.map((line) => `${id}/${line}`));
}

/**
 * The exercises to grade under `scope`: those of the valid course, plus those whose own folder is
 * valid in a module that is not (a missing lesson.md must not hide an exercise's checks).
 */
async function exercisesIn(scope: string, root: string, valid: Exercise[]): Promise<Exercise[]> {
  const byId = new Map(valid.map((e) => [e.id, e]));
  const found: Exercise[] = [];
  for (const id of await listExerciseIds(root)) {
    const dir = path.join(root, ...id.split("/"));
    if (!inside(dir, scope) && !inside(scope, dir)) continue;
    const known = byId.get(id);
    if (known) {
      found.push(known);
      continue;
    }
    try {
      found.push(await loadExercise(id, root));
    } catch (error) {
      // Its problems are among the content errors already reported.
      if (!(error instanceof CourseInvalidError)) throw error;
    }
  }
  return found;
}

/** Every problem with one exercise's grading, as lines for the report (empty when it is sound). */
export async function checkExercise(exercise: Exercise, executor: Executor): Promise<string[]> {
  const problems: string[] = [];
  let definition: Awaited<ReturnType<typeof loadGrader>>;
  try {
    definition = await loadGrader(exercise.dir);
  } catch (error) {
    if (error instanceof GraderSetupError) return [error.message];
    throw error;
  }
  // Course files are the teachers' own: a generous budget, as CI machines are busy.
  const grade = async (file: string) =>
    gradeWithDefinition(definition, exercise.id, await readFile(file, "utf8"), {
      executor,
      includeHidden: true,
      filename: path.basename(file),
      budgetMs: 30_000,
      runDeadlineMs: 10_000,
    });
  const solution = await grade(exercise.files.solution);
  for (const test of solution.tests) {
    if (test.status === "pass") continue;
    const verb = test.status === "error" ? "errors in" : "fails";
    problems.push(`solution.ts ${verb} check "${test.name}":\n${indentMessage(test.message)}`);
  }
  if (solution.status === "error" && solution.tests.length === 0)
    problems.push(`solution.ts: ${solution.message}`);
  const mustFail = async (file: string, label: string) => {
    const result = await grade(file);
    const problem = mustFailProblem(result, label);
    if (problem) problems.push(problem);
  };
  await mustFail(exercise.files.starter, "starter.ts");
  for (const file of exercise.files.wrong) await mustFail(file, `wrong/${path.basename(file)}`);
  if (exercise.files.wrong.length < MIN_WRONG_ANSWERS) {
    problems.push(
      `wrong/ has ${exercise.files.wrong.length} answer(s): add at least ${MIN_WRONG_ANSWERS} plausible wrong answers that must fail`,
    );
  }
  return problems;
}

function indentMessage(message: string | null): string {
  return (message ?? "").replace(/^/gm, "  ");
}

function mustFailProblem(result: GradingResult, label: string): string | null {
  if (result.status === "pass") {
    return `${label} passes every check, but it must fail at least one: a check is missing or too lenient`;
  }
  const errored = result.tests.find((t) => t.status === "error");
  if (errored) return `grading ${label}: ${errored.message}`;
  if (result.status === "error") return `grading ${label}: ${result.message}`;
  return null;
}
