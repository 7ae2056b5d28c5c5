/**
 * Runs a program on the scheduler in this very process, without QuickJS.
 *
 * TRUSTED CODE ONLY: the program is evaluated in the host realm, with no wall-clock deadline and
 * no memory limit. It exists for this package's own tests and as the bench's baseline; grading a
 * learner's submission goes through the sandbox (see sandbox-executor.ts).
 */
import { compile, wrapAsFunctionBody } from "@interleave/compiler";
import { __coro, createRuntime, type Limits, type RunResult } from "@interleave/scheduler";
import type { Executor, RunLimits, RunRequest } from "./executor";
import { strategySpec } from "./strategy";
import { notRun } from "./synthetic-run";

type CompiledBody = (
  require: (name: string) => unknown,
  exports: Record<string, unknown>,
  module: { exports: Record<string, unknown> },
  coro: typeof __coro,
) => void;

// An indirect eval: global scope. Trusted programs only (see the note above).
// biome-ignore lint/security/noGlobalEval: this file is the trusted, in-process baseline.
const evaluate: (code: string) => unknown = globalThis.eval;

/** An executor that runs trusted programs directly on the scheduler (tests and benchmarks). */
export function directExecutor(): Executor {
  const cache = new Map<string, CompiledBody | RunResult>();
  return {
    async run(request: RunRequest): Promise<RunResult> {
      const key = `${request.filename}\n${request.source}`;
      let body = cache.get(key);
      if (!body) {
        const compiled = compile(request.source, { filename: request.filename });
        body = compiled.ok
          ? (evaluate(wrapAsFunctionBody(compiled.code)) as CompiledBody)
          : notRun("error", {
              type: "SyntaxError",
              message: compiled.error.message,
              where: `${compiled.error.line}:${compiled.error.column}`,
            });
        cache.set(key, body);
      }
      if (typeof body !== "function") return body;
      const program = body;
      const runtime = createRuntime({
        filename: request.filename,
        seed: request.replay?.seed ?? request.seed ?? 0,
        limits: schedulerLimits(request.limits ?? {}),
        trace: request.trace ?? true,
        threads: { strategy: strategySpec(request) },
      });
      return runtime.execute(() => {
        const module = { exports: {} as Record<string, unknown> };
        const require = (name: string) => {
          if (name === "interleave") return runtime.module;
          throw new Error(`Cannot find module '${name}'`);
        };
        program(require, module.exports, module, __coro);
        // Like the sandbox: the run's value is what the program exports as default.
        return (module.exports as { default?: unknown }).default;
      });
    },
  };
}

/** The scheduler's share of the limits (the sandbox's own cannot be enforced in-process). */
function schedulerLimits(limits: RunLimits): Partial<Limits> {
  const out: Partial<Limits> = {};
  if (limits.maxSteps !== undefined) out.maxSteps = limits.maxSteps;
  if (limits.maxVirtualSeconds !== undefined) out.maxTime = limits.maxVirtualSeconds;
  if (limits.maxOutputLines !== undefined) out.maxOutputLines = limits.maxOutputLines;
  if (limits.maxTraceEvents !== undefined) out.maxTraceEvents = limits.maxTraceEvents;
  return out;
}
