/**
 * Grading a Submit on the server with every check, hidden ones included.
 *
 * Each exercise's grader.ts is TypeScript that Next must compile: it is imported through a
 * template path under exercises/, which the bundler turns into one lazily loaded chunk per
 * grader at build time (a runtime import of a .ts file would fail on Node 20).
 *
 * The programs run in QuickJS, never in this realm, one grading at a time. For now the sandbox
 * runs on this thread (the grader's sandboxExecutor): the sandbox's Node worker pool locates its
 * worker file with `new URL(..., import.meta.url)`, which Next's server bundle rewrites into a
 * URL that is not a file, so the pool cannot start inside the app yet. The interrupt handler
 * still stops endless loops at the deadline; what only a pool can stop (one runaway built-in
 * call) would block this server. Switch to poolExecutor once the pool can be given its file.
 */
import {
  type Executor,
  type ExerciseDefinition,
  type GradingResult,
  gradeWithDefinition,
  isExerciseDefinition,
  sandboxExecutor,
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

let executor: Promise<Executor> | null = null;
/** Gradings wait for each other: one sandbox, one program at a time. */
let queue: Promise<unknown> = Promise.resolve();

/** Grades `code` against a known exercise with all its checks. */
export function gradeOnServer(exerciseId: string, code: string): Promise<GradeView> {
  const grading = queue.then(async () => {
    const definition = await loadDefinition(exerciseId);
    executor ??= sandboxExecutor();
    const result = await gradeWithDefinition(definition, exerciseId, code, {
      includeHidden: true,
      executor: await executor,
    });
    return toGradeView(result);
  });
  queue = grading.catch(() => undefined);
  return grading;
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
