/**
 * Grading under vitest (`@interleave/grader/vitest`). The exercises' vitest project includes every
 * grader.ts as a test file and installs this hook in its setup file; when a grader.ts calls
 * defineExercise, the hook registers, for that exercise:
 *
 * - one test per check for the reference solution (must pass), named after the check,
 * - "starter fails" and one "wrong/NAME fails" per wrong answer,
 *
 * or, when a submission file is given (SUBMISSION=mine.ts), one test per visible check for that
 * file instead. Adding an exercise folder needs no other edit.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type ExerciseDefinition, VITEST_HOOK, validateDefinition } from "./check";
import type { Executor } from "./executor";
import { type GradeOptions, gradeWithDefinition } from "./grade";
import type { GradingResult, TestResult } from "./results";
import { courseExecutor } from "./sandbox-executor";

/** Options of the vitest hook. */
export interface VitestGradingOptions {
  /** A learner's file to grade instead of the exercise's own files (relative to `cwd`). */
  submission?: string | undefined;
  cwd?: string;
  /** What runs the course's own files (default: courseExecutor). */
  executor?: Executor;
  /** What runs a submission (default: the sandbox's pool). */
  submissionExecutor?: Executor;
}

/** Installs the hook that makes defineExercise register vitest tests. */
export function installVitestGrading(options: VitestGradingOptions = {}): void {
  (globalThis as Record<symbol, unknown>)[VITEST_HOOK] = (definition: ExerciseDefinition) =>
    registerExercise(definition, options);
}

/**
 * The course executor, created on the first run (defineExercise's hook must stay synchronous)
 * and shared by every exercise a vitest worker grades.
 */
let sharedCourseExecutor: Promise<Executor> | null = null;
function lazyCourseExecutor(): Executor {
  return {
    run: async (request) => {
      sharedCourseExecutor ??= courseExecutor();
      return (await sharedCourseExecutor).run(request);
    },
  };
}

function currentTestFile(): string {
  const file = expect.getState().testPath;
  if (!file) throw new Error("defineExercise's vitest hook ran outside a test file");
  return file;
}

function registerExercise(definition: ExerciseDefinition, options: VitestGradingOptions): void {
  const graderFile = currentTestFile();
  if (path.basename(graderFile) !== "grader.ts") return;
  const dir = path.dirname(graderFile);
  const id = `${path.basename(path.dirname(dir))}/${path.basename(dir)}`;
  try {
    validateDefinition(graderFile, definition);
  } catch (error) {
    // No checks, or two with one name: say so as a failing test rather than registering nothing.
    describe(id, () => {
      it("grader.ts defines valid checks", () => {
        throw error;
      });
    });
    return;
  }
  const read = (file: string) => readFileSync(path.join(dir, file), "utf8");
  const grade = (source: string, filename: string, gradeOptions: GradeOptions) =>
    gradeWithDefinition(definition, id, source, { filename, ...gradeOptions });
  const courseOptions: GradeOptions = {
    includeHidden: true,
    executor: options.executor ?? lazyCourseExecutor(),
    // Course files are graded on a shared, busy machine: a generous budget (they finish in ms).
    budgetMs: 30_000,
    runDeadlineMs: 10_000,
  };

  if (options.submission) {
    const file = path.resolve(options.cwd ?? process.cwd(), options.submission);
    describe(`${id}: ${path.basename(file)}`, () => {
      let result: GradingResult;
      beforeAll(async () => {
        const submissionOptions: GradeOptions = options.submissionExecutor
          ? { executor: options.submissionExecutor }
          : {};
        result = await grade(readFileSync(file, "utf8"), path.basename(file), submissionOptions);
      });
      for (const c of definition.checks.filter((c) => !c.hidden)) {
        it(c.name, () => expectPassed(findTest(result, c.name)));
      }
    });
    return;
  }

  describe(id, () => {
    describe("reference solution", () => {
      let result: GradingResult;
      beforeAll(async () => {
        result = await grade(read("solution.ts"), "solution.ts", courseOptions);
      });
      for (const c of definition.checks) {
        it(c.name, () => expectPassed(findTest(result, c.name)));
      }
    });
    it("starter fails", async () => {
      expectFailed(await grade(read("starter.ts"), "starter.ts", courseOptions), "starter.ts");
    });
    const wrongDir = path.join(dir, "wrong");
    const wrong = existsSync(wrongDir)
      ? readdirSync(wrongDir)
          .filter((f) => f.endsWith(".ts"))
          .sort()
      : [];
    for (const file of wrong) {
      it(`wrong/${path.basename(file, ".ts")} fails`, async () => {
        const source = readFileSync(path.join(wrongDir, file), "utf8");
        expectFailed(await grade(source, file, courseOptions), `wrong/${file}`);
      });
    }
  });
}

function findTest(result: GradingResult, name: string): TestResult {
  const test = result.tests.find((t) => t.name === name);
  if (!test) throw new Error(result.message ?? `check "${name}" was not graded`);
  return test;
}

function expectPassed(test: TestResult): void {
  if (test.status !== "pass") {
    const output = test.output ? `\n\nOutput of the last run:\n${test.output}` : "";
    throw new Error(`${test.status === "error" ? "error" : "failed"}: ${test.message}${output}`);
  }
}

function expectFailed(result: GradingResult, file: string): void {
  if (result.status === "error") throw new Error(`grading ${file} errored: ${result.message}`);
  if (result.status === "pass") {
    throw new Error(
      `${file} passed every check, but it must fail at least one: a check is missing or too lenient`,
    );
  }
}
