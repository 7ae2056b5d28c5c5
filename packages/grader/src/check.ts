/**
 * The API a teacher writes grader.ts with:
 *
 * ```ts
 * import { check, defineExercise, hidden } from "@interleave/grader";
 * export default defineExercise({
 *   checks: [
 *     check("all three clients are served in 2 virtual seconds", async (t) => {
 *       t.expect(await t.run()).toEndAtTime(2);
 *     }),
 *     hidden("no lost updates under 200 schedules", async (t) => {
 *       await t.explore({ strategy: "pct", depth: 2, runs: 200 }, (run) => t.expect(run).toReturn(2000));
 *     }),
 *   ],
 * });
 * ```
 *
 * A definition is plain data until something grades with it; the check functions run in the host
 * over RunResults copied out of the sandbox, so nothing a submission does inside its VM can
 * reach them.
 */

import type { CheckContext } from "./context";
import { GraderSetupError } from "./errors";
import type { RunLimits } from "./executor";

/** The body of a check: throws (through `t.expect`, `t.fail`) when the submission fails it. */
export type CheckBody = (t: CheckContext) => Promise<void> | void;

/** Options of one check. */
export interface CheckOptions {
  /** Run only on the server (Submit), never shown before submitting. Default false. */
  hidden?: boolean;
  /** Exercism's task_id: which task of the prompt this check belongs to (1-based). */
  task?: number;
}

/** One named check. */
export interface Check {
  readonly name: string;
  readonly hidden: boolean;
  readonly task: number | undefined;
  readonly body: CheckBody;
}

/** What grader.ts passes to defineExercise. */
export interface ExerciseSpec {
  /** The checks, in the order they are shown. Names must be unique. */
  checks: readonly Check[];
  /** Limits for every run of this exercise (e.g. a lower maxTime for a 2-second exercise). */
  limits?: RunLimits;
  /** Seeds used by `t.runSeeds()` when given no count (default 5). */
  seeds?: number;
}

const DEFINITION = Symbol.for("@interleave/grader:exercise-definition");

/** What defineExercise returns: grader.ts's default export. */
export interface ExerciseDefinition extends Required<Pick<ExerciseSpec, "seeds">> {
  readonly [DEFINITION]: true;
  readonly checks: readonly Check[];
  readonly limits: RunLimits;
}

/** Hook the exercises' vitest setup installs so that a grader.ts loaded as a test file registers tests. */
export const VITEST_HOOK = Symbol.for("@interleave/grader:vitest-hook");
type VitestHook = (definition: ExerciseDefinition) => void;

/** A check shown to the learner (Run and Submit). */
export function check(name: string, body: CheckBody): Check;
export function check(name: string, options: CheckOptions, body: CheckBody): Check;
export function check(name: string, a: CheckOptions | CheckBody, b?: CheckBody): Check {
  const options = typeof a === "function" ? {} : a;
  const body = typeof a === "function" ? a : b;
  if (typeof body !== "function")
    throw new TypeError(`check "${name}" needs a function as its last argument`);
  return Object.freeze({ name, hidden: options.hidden ?? false, task: options.task, body });
}

/** A check run only on the server when a learner submits. */
export function hidden(name: string, body: CheckBody): Check;
export function hidden(name: string, options: Omit<CheckOptions, "hidden">, body: CheckBody): Check;
export function hidden(name: string, a: Omit<CheckOptions, "hidden"> | CheckBody, b?: CheckBody): Check {
  return typeof a === "function" ? check(name, { hidden: true }, a) : check(name, { ...a, hidden: true }, b!);
}

/**
 * Defines an exercise's checks; grader.ts default-exports the result.
 * Under the exercises' vitest project it also registers one test per check.
 */
export function defineExercise(spec: ExerciseSpec): ExerciseDefinition {
  const definition: ExerciseDefinition = Object.freeze({
    [DEFINITION]: true as const,
    checks: Object.freeze([...spec.checks]),
    limits: Object.freeze({ ...spec.limits }),
    seeds: spec.seeds ?? 5,
  });
  const hook = (globalThis as { [VITEST_HOOK]?: VitestHook })[VITEST_HOOK];
  if (hook) hook(definition);
  return definition;
}

/** Whether a value came from defineExercise. */
export function isExerciseDefinition(value: unknown): value is ExerciseDefinition {
  return (
    typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[DEFINITION] === true
  );
}

/** Rejects definitions that cannot be graded with: no checks, unnamed or duplicate checks. */
export function validateDefinition(file: string, value: unknown): ExerciseDefinition {
  if (!isExerciseDefinition(value)) {
    throw new GraderSetupError(
      file,
      "the default export must be the result of defineExercise({ checks: [...] }) from @interleave/grader",
    );
  }
  if (value.checks.length === 0) throw new GraderSetupError(file, "defineExercise needs at least one check");
  const seen = new Set<string>();
  for (const [i, c] of value.checks.entries()) {
    if (typeof c !== "object" || c === null || typeof c.body !== "function") {
      throw new GraderSetupError(file, `checks[${i}] is not a check: build each one with check(name, fn)`);
    }
    if (typeof c.name !== "string" || c.name.trim() === "") {
      throw new GraderSetupError(file, `checks[${i}] has no name: a check's name says what it proves`);
    }
    if (seen.has(c.name))
      throw new GraderSetupError(file, `two checks are named "${c.name}": names must be unique`);
    seen.add(c.name);
  }
  return value;
}
