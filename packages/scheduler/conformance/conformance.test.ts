/// <reference types="vite/client" />
/**
 * Runs every program of programs/ on the scheduler and compares what it prints, when and from
 * which task, with what CPython printed for its Python twin (programs/<name>.expected.json,
 * recorded by `npm run conformance:record -w @interleave/scheduler`; no Python needed here).
 *
 * The TypeScript twins are written as students write them (async/await, importing from
 * "interleave") and compiled with @interleave/compiler, as the sandbox does.
 */
import { compile, wrapAsFunctionBody } from "@interleave/compiler";
import { describe, expect, it } from "vitest";
import { createRuntime, type RunResult } from "../src/index";

interface Expected {
  status: "ok" | "error" | "deadlock";
  error: string | null;
  time: number;
  lines: { time: number; task: string | null; text: string }[];
}

type CompiledProgram = (
  require: (id: string) => unknown,
  exports: object,
  module: object,
  coro: unknown,
) => void;

const sources = import.meta.glob<string>("./programs/*.ts", {
  eager: true,
  query: "?raw",
  import: "default",
});
const expectations = import.meta.glob<Expected>("./programs/*.expected.json", {
  eager: true,
  import: "default",
});

const round = (t: number) => Math.round(t * 1e6) / 1e6;

// biome-ignore lint/security/noGlobalEval: our own conformance programs, evaluated in the test process.
const indirectEval: (code: string) => unknown = eval;

/** Compiles a twin and runs it on a fresh runtime (test-only: these are our own programs). */
function runTwin(name: string, source: string): RunResult {
  const filename = `${name}.ts`;
  const compiled = compile(source, { filename });
  if (!compiled.ok) throw new Error(`${filename}:${compiled.error.line}: ${compiled.error.message}`);
  const program = indirectEval(wrapAsFunctionBody(compiled.code)) as CompiledProgram;
  const runtime = createRuntime({ filename });
  const require = (id: string) => {
    if (id === "interleave") return runtime.module;
    throw new Error(`cannot import ${id}`);
  };
  const exports = {};
  return runtime.execute(() => program(require, exports, { exports }, runtime.module.__coro));
}

describe("conformance with CPython 3.11 asyncio", () => {
  const names = Object.keys(sources).map((path) => path.replace(/^\.\/programs\/|\.ts$/g, ""));

  it("has a Python twin and an expected output for every program", () => {
    for (const name of names) expect(expectations[`./programs/${name}.expected.json`], name).toBeDefined();
    expect(names.length).toBeGreaterThanOrEqual(40);
  });

  for (const name of names) {
    it(name, () => {
      const result = runTwin(name, sources[`./programs/${name}.ts`]!);
      const expected = expectations[`./programs/${name}.expected.json`]!;
      const actual = {
        status: result.status,
        error:
          result.status === "error" && result.error !== null
            ? `${result.error.type}: ${result.error.message}`
            : null,
        time: round(result.time),
        lines: result.output.map((l) => ({ time: round(l.time), task: l.task, text: l.text })),
      };
      expect(actual).toEqual({
        ...expected,
        lines: expected.lines.map((l) => ({ ...l, time: round(l.time) })),
      });
    });
  }
});
