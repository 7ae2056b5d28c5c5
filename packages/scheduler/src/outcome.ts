/** Turns a finished world into the run's result (see result.ts and docs/run-result.md). */
import { pyTypeName } from "./coroutine";
import { pyStr } from "./format";
import { toJson } from "./json";
import { RESULT_VERSION, type RunError, type RunResult, type RunStatus } from "./result";
import { ambient, type World } from "./world";

const MAX_STACK_CHARS = 4_000;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** `f()`, or `fallback` if it throws: the program's values may have throwing getters. */
function safely<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch {
    return fallback;
  }
}

/** Describes an error the program raised. */
export function describeError(error: unknown, filename: string): RunError {
  if (!(error instanceof Error)) return { type: pyTypeName(error), message: pyStr(error) };
  const out: RunError = { type: String(error.name || "Error"), message: String(error.message) };
  const stack = typeof error.stack === "string" ? error.stack : undefined;
  if (stack !== undefined) {
    out.stack = stack.slice(0, MAX_STACK_CHARS);
    const m = new RegExp(`${escapeRegExp(filename)}:(\\d+)(?::(\\d+))?`).exec(stack);
    if (m !== null) out.where = m[2] === undefined ? m[1]! : `${m[1]}:${m[2]}`;
  }
  return out;
}

/** Builds the result of a run whose body returned `value` or threw `error`. */
export function finishRun(
  world: World,
  failed: boolean,
  value: unknown,
  error: unknown,
  filename: string,
): RunResult {
  const previous = ambient.world;
  ambient.world = world;
  try {
    world.finish();
  } catch {
    // A hostile exception object (a throwing getter) must not stop the result being made.
  } finally {
    ambient.world = previous;
  }
  let status: RunStatus = "ok";
  let runError: RunError | null = null;
  if (world.aborted !== null) {
    status = world.aborted.status;
    const type =
      status === "deadlock" ? "Deadlock" : status === "timeout" ? "TimeLimitExceeded" : "LimitExceeded";
    runError = { type, message: world.aborted.message };
  } else if (failed) {
    status = "error";
    runError = safely(() => describeError(error, filename), {
      type: "Error",
      message: "the program raised an error that could not be described",
    });
  }
  const result: RunResult = {
    version: RESULT_VERSION,
    status,
    value: status === "ok" ? safely(() => toJson(value), "<the value could not be copied>") : null,
    error: runError,
    output: world.output,
    time: world.seconds(),
    trace: world.trace,
    schedule: { strategy: "fifo", seed: world.seed, choices: [] },
    stats: {
      steps: world.steps,
      switches: world.switches,
      passes: world.passes,
      tasks: world.tasksCreated,
      maxConcurrency: world.maxConcurrency,
    },
    warnings: world.warnings,
    deadlock: status === "deadlock" ? { waiting: world.deadlock ?? [] } : null,
  };
  world.hooks?.finish(result);
  return result;
}
