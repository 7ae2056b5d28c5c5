/**
 * The editor's types: interleave.d.ts type-checks real programs (the cross-host fixtures and
 * exercises' kinds of code) with the TypeScript compiler, rejects misuse, and the string
 * export for Monaco is current.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { dtsModule } from "../../scripts/generate";
import { PROGRAMS } from "../fixtures/programs";
import { INTERLEAVE_DTS } from "../generated/interleave-dts";
import { editorDiagnostics } from "./editor-diagnostics";

/**
 * Type-checks each source as its own module, as the editor does (editor-diagnostics.ts, one
 * program for all); returns each file's error messages.
 */
async function typeCheck(...sources: string[]): Promise<string[][]> {
  const files = sources.map((text, i) => ({ file: `main${i}.ts`, text }));
  const found = await editorDiagnostics(files);
  return files.map(({ file }) => found.filter((d) => d.file === file).map((d) => d.message));
}

describe("interleave.d.ts", () => {
  it("is exported as a string that matches the file", () => {
    expect(INTERLEAVE_DTS).toBe(readFileSync(new URL("./interleave.d.ts", import.meta.url), "utf8"));
    expect(readFileSync(new URL("../generated/interleave-dts.ts", import.meta.url), "utf8")).toBe(
      dtsModule(),
    );
  });

  it("type-checks every cross-host program", async () => {
    const diagnostics = await typeCheck(...PROGRAMS.map((p) => p.source));
    const failures = PROGRAMS.map((p, i) => ({ program: p.name, errors: diagnostics[i] })).filter(
      (f) => f.errors!.length > 0,
    );
    expect(failures).toEqual([]);
  });

  it("types awaited coroutines as their results", async () => {
    const [diagnostics] = await typeCheck(`import { asyncio } from "interleave";
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

  it("rejects misuse of the runtime", async () => {
    const [diagnostics = []] = await typeCheck(`import { asyncio, threading } from "interleave";
asyncio.sleep("one second");
new threading.Thread({ target: 42 });
asyncio.spawn();
`);
    expect(diagnostics).toHaveLength(3);
    expect(diagnostics.join("\n")).toMatch(/'string' is not assignable to parameter of type 'number'/);
    expect(diagnostics.join("\n")).toMatch(/Property 'spawn' does not exist/);
  });
});
