/**
 * Grading a Submit on the server with every check, hidden ones included.
 *
 * Each exercise's grader.ts is TypeScript that Next must compile: it is imported through a
 * template path under exercises/, which the bundler turns into one lazily loaded chunk per
 * grader at build time (a runtime import of a .ts file would fail on Node 20).
 *
 * The programs run in QuickJS, never in this realm: in the sandbox's pool of worker threads, one
 * per core, so grading never blocks the server's own thread and a runaway built-in call costs a
 * worker, not the server. Next's server bundle rewrites import.meta.url, so the pool is given
 * its worker file explicitly (findWorkerFile walks up from the working directory).
 */

import { availableParallelism } from "node:os";
import {
  type Executor,
  type ExerciseDefinition,
  type GradingResult,
  gradeWithDefinition,
  isExerciseDefinition,
  poolExecutor,
} from "@interleave/grader";
import { findWorkerFile } from "@interleave/sandbox/node";
import type { GradeView } from "./run-view";

async function loadDefinition(exerciseId: string): Promise<ExerciseDefinition> {
  const [moduleId, slug] = exerciseId.split("/") as [string, string];
  const loaded: { default?: unknown } = await import(`../../../exercises/${moduleId}/${slug}/grader.ts`);
  if (!isExerciseDefinition(loaded.default)) {
    throw new Error(`exercises/${exerciseId}/grader.ts does not export defineExercise(...) as its default`);
  }
  return loaded.default;
}

/** One pool per server process, shared by every copy of this module Next's bundles make. */
const POOL = Symbol.for("interleave.web.gradingPool");
type PoolHolder = { [POOL]?: Promise<Executor> };

function gradingExecutor(): Promise<Executor> {
  const holder = globalThis as PoolHolder;
  holder[POOL] ??= poolExecutor({
    workerFile: findWorkerFile(),
    threads: Math.max(1, availableParallelism()),
  }).catch((error: unknown) => {
    holder[POOL] = undefined; // the next Submit tries again
    throw error;
  });
  return holder[POOL];
}

/** Grades `code` against a known exercise with all its checks. */
export async function gradeOnServer(exerciseId: string, code: string): Promise<GradeView> {
  const definition = await loadDefinition(exerciseId);
  const result = await gradeWithDefinition(definition, exerciseId, code, {
    includeHidden: true,
    executor: await gradingExecutor(),
  });
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
