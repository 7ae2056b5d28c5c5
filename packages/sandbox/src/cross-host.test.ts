/**
 * Determinism across hosts: the same program and seed give the same RunResult directly on
 * the scheduler in Node and inside QuickJS. Left out of the comparison: the error's stack
 * (engine-specific frames), the column of its location, and the wording of errors the engine
 * itself raises (V8 says "Cannot read properties of undefined", QuickJS "cannot read property").
 */
import { compile, wrapAsFunctionBody } from "@interleave/compiler";
import type { RunResult } from "@interleave/scheduler";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROGRAMS } from "./fixtures/programs";
import { resolveLimits } from "./limits";
import { QuickJSSandbox } from "./sandbox";
import { type ChildBody, childSource, type ModuleBody, runProgram, type StrategyOption } from "./vm/program";

function inNode(source: string, seed: number, strategy?: StrategyOption): RunResult {
  const compiled = compile(source, { filename: "main.ts" });
  if (!compiled.ok) throw new Error(compiled.error.message);
  // The test alone evaluates program text in Node, to compare with the sandbox; sourceURL
  // names its frames main.ts, as QuickJS does, so errors are located the same way.
  const text = `${wrapAsFunctionBody(compiled.code)}\n//# sourceURL=main.ts`;
  // biome-ignore lint/security/noGlobalEval: indirect eval keeps the program's line numbers (new Function adds two).
  const indirectEval = globalThis.eval;
  const body = indirectEval(text) as ModuleBody;
  const spawn = () =>
    indirectEval(`${wrapAsFunctionBody(childSource(compiled.code))}\n//# sourceURL=main.ts`) as ChildBody;
  const limits = resolveLimits();
  return runProgram(
    body,
    {
      filename: "main.ts",
      seed,
      trace: true,
      maxSteps: limits.maxSteps,
      maxVirtualSeconds: limits.maxVirtualSeconds,
      maxOutputLines: limits.maxOutputLines,
      maxTraceEvents: limits.maxTraceEvents,
      maxOutputChars: limits.maxOutputChars,
      ...(strategy && { strategy }),
    },
    spawn,
  ).result;
}

const ENGINE_ERRORS = new Set(["TypeError", "ReferenceError", "RangeError", "SyntaxError"]);

function comparable(result: RunResult): unknown {
  const copy = JSON.parse(JSON.stringify(result)) as RunResult;
  if (copy.error !== null) {
    delete copy.error.stack;
    if (copy.error.where !== undefined) copy.error.where = copy.error.where.split(":")[0]!;
    if (ENGINE_ERRORS.has(copy.error.type)) copy.error.message = "(engine's wording)";
  }
  return copy;
}

let sandbox: QuickJSSandbox;
beforeAll(async () => {
  sandbox = await QuickJSSandbox.create();
});
afterAll(() => {
  sandbox.dispose();
});

describe("the same result in Node and in QuickJS", () => {
  it("has at least 20 programs, covering ok, error and deadlock runs", () => {
    expect(PROGRAMS.length).toBeGreaterThanOrEqual(20);
  });

  for (const program of PROGRAMS) {
    it(program.name, async () => {
      const direct = inNode(program.source, 3, program.options?.strategy);
      const sandboxed = await sandbox.run(program.source, { seed: 3, ...program.options });
      expect(comparable(sandboxed)).toEqual(comparable(direct));
      expect(direct.output.length + (direct.error === null ? 0 : 1)).toBeGreaterThan(0);
    });
  }
});
