/**
 * The editor's types: interleave.d.ts type-checks real programs (the cross-host fixtures and
 * exercises' kinds of code) with the TypeScript compiler, rejects misuse, and the string
 * export for Monaco is current.
 */
import { readFileSync } from "node:fs";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { dtsModule } from "../../scripts/generate";
import { PROGRAMS } from "../fixtures/programs";
import { INTERLEAVE_DTS } from "../generated/interleave-dts";

const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ["lib.es2022.d.ts"],
  strict: true,
  noEmit: true,
  types: [],
};

/**
 * Type-checks each source as its own module with the interleave types, all in one program
 * (one pass over the standard library); returns each file's diagnostics as text.
 */
function typeCheck(...sources: string[]): string[][] {
  const files = new Map(sources.map((text, i) => [`/virtual/main${i}.ts`, text]));
  files.set("/virtual/interleave.d.ts", INTERLEAVE_DTS);
  const host = ts.createCompilerHost(OPTIONS);
  const original = {
    getSourceFile: host.getSourceFile,
    fileExists: host.fileExists,
    readFile: host.readFile,
  };
  host.fileExists = (name) => files.has(name) || original.fileExists(name);
  host.readFile = (name) => files.get(name) ?? original.readFile(name);
  host.getSourceFile = (name, language) => {
    const text = files.get(name);
    return text === undefined
      ? original.getSourceFile(name, language)
      : ts.createSourceFile(name, text, language, true);
  };
  const program = ts.createProgram([...files.keys()], OPTIONS, host);
  return sources.map((_, i) =>
    ts
      .getPreEmitDiagnostics(program, program.getSourceFile(`/virtual/main${i}.ts`))
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")),
  );
}

describe("interleave.d.ts", () => {
  it("is exported as a string that matches the file", () => {
    expect(INTERLEAVE_DTS).toBe(readFileSync(new URL("./interleave.d.ts", import.meta.url), "utf8"));
    expect(readFileSync(new URL("../generated/interleave-dts.ts", import.meta.url), "utf8")).toBe(
      dtsModule(),
    );
  });

  it("type-checks every cross-host program", () => {
    const diagnostics = typeCheck(...PROGRAMS.map((p) => p.source));
    const failures = PROGRAMS.map((p, i) => ({ program: p.name, errors: diagnostics[i] })).filter(
      (f) => f.errors!.length > 0,
    );
    expect(failures).toEqual([]);
  });

  it("types awaited coroutines as their results", () => {
    const [diagnostics] = typeCheck(`import { asyncio } from "interleave";
async function twice(n: number): Promise<number> { await asyncio.sleep(0.1); return n * 2; }
async function main() {
  const [a, b] = await asyncio.gather(twice(1), twice(2));
  const sum: number = a + b;
  const t = asyncio.create_task(twice(3));
  const c: number = await t;
  const late: string = await asyncio.wait_for(twice(4), 1);
  return sum + c + late;
}
asyncio.run(main());
`);
    expect(diagnostics).toEqual(["Type 'number' is not assignable to type 'string'."]);
  });

  it("rejects misuse of the runtime", () => {
    const [diagnostics = []] = typeCheck(`import { asyncio, threading } from "interleave";
asyncio.sleep("one second");
new threading.Thread({ target: 42 });
asyncio.spawn();
`);
    expect(diagnostics).toHaveLength(3);
    expect(diagnostics.join("\n")).toMatch(/'string' is not assignable to parameter of type 'number'/);
    expect(diagnostics.join("\n")).toMatch(/Property 'spawn' does not exist/);
  });
});
