/**
 * Grading a Submit on the server with every check, hidden ones included.
 *
 * Each exercise's grader.ts is TypeScript that Next must compile: it is imported through a
 * template path under exercises/, which the bundler turns into one lazily loaded chunk per
 * grader at build time (a runtime import of a .ts file would fail on Node 20). The programs
 * themselves run in @interleave/grader's executor (the sandbox's Node worker pool), never in
 * this process.
 */
import {
  type ExerciseDefinition,
  type GradingResult,
  gradeWithDefinition,
  isExerciseDefinition,
} from "@interleave/grader";
import type { GradeView } from "./run-view";

async function loadDefinition(exerciseId: string): Promise<ExerciseDefinition> {
  const [moduleId, slug] = exerciseId.split("/") as [string, string];
  const loaded: { default?: unknown } = await import(`../../../exercises/${moduleId}/${slug}/grader.ts`);
  if (!isExerciseDefinition(loaded.default)) {
    throw new Error(`exercises/${exerciseId}/grader.ts does not export defineExercise(...) as its default`);
  }
  return loaded.default;
}

/** Grades `code` against a known exercise with all its checks. */
export async function gradeOnServer(exerciseId: string, code: string): Promise<GradeView> {
  const definition = await loadDefinition(exerciseId);
  const result = await gradeWithDefinition(definition, exerciseId, code, { includeHidden: true });
  return toGradeView(result);
}

/** Keeps what the page shows: results.json v3 plus each failed check's schedule to replay. */
export function toGradeView(result: GradingResult): GradeView {
  return {
    version: 3,
    status: result.status,
    message: result.message ?? null,
    tests: result.tests.map((test, index) => {
      const reproduce = result.interleave.tests[index]?.reproduce ?? null;
      return {
        name: test.name,
        status: test.status,
        message: test.message,
        output: test.output,
        task_id: test.task_id ?? null,
        replay: reproduce
          ? { seed: reproduce.seed, strategy: reproduce.strategy, choices: reproduce.schedule.choices }
          : null,
      };
    }),
  };
}
