import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { UNSUPPORTED } from "./async-rewrite";
import { compile } from "./compile";

function compiled(source: string, filename?: string): string {
  const result = compile(source, filename === undefined ? {} : { filename });
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.code;
}

function failure(source: string) {
  const result = compile(source);
  if (result.ok) throw new Error(`expected an error, got ${result.code}`);
  return result.error;
}

/** `source` with each `mark(#)` numbered by its line: `mark(3)` on line 3. */
function numbered(source: string): string {
  return source
    .split("\n")
    .map((line, i) => line.replaceAll("mark(#)", `mark(${i + 1})`))
    .join("\n");
}

/** Every `mark(N)` in `source` sits on line N; asserts it is still on line N after compiling. */
function expectMarksKeepTheirLines(source: string): void {
  const code = compiled(source);
  const lines = code.split("\n");
  expect(lines).toHaveLength(source.split("\n").length);
  const marks = [...source.matchAll(/mark\((\d+)\)/g)].map((m) => Number(m[1]));
  expect(marks.length).toBeGreaterThan(0);
  for (const n of marks) {
    expect(source.split("\n")[n - 1], `source line ${n}`).toContain(`mark(${n})`);
    expect(lines[n - 1], `compiled line ${n}`).toContain(`mark(${n})`);
  }
}

describe("compile: TypeScript and modules", () => {
  it("erases types and turns the interleave import into require", () => {
    const code = compiled(
      'import { asyncio, print } from "interleave";\nconst n: number = 1;\nprint(n as number);',
    );
    expect(code).toContain("require('interleave')");
    expect(code).not.toContain("import");
    expect(code.split("\n")[1]).toBe("const n = 1;");
    expect(code.split("\n")[2]).toContain("_interleave.print.call(void 0, n )");
  });

  it("puts exports on `exports`", () => {
    const code = compiled("export const answer = 42;\nexport default async function main() {}");
    expect(code).toContain("exports.answer = answer");
    expect(code).toMatch(/exports\.\s*default = main/);
  });

  it("compiles modern JavaScript untouched apart from the rewrite", () => {
    const code = compiled("const a = b?.c ?? 1;\nclass A { #x = 1; static { } }", "main.js");
    expect(code).toBe('"use strict";const a = b?.c ?? 1;\nclass A { #x = 1; static { } }');
  });

  it("accepts Windows line endings and keeps their lines", () => {
    const code = compiled("const a = 1;\r\nconst b: string = 'x';\r\n");
    expect(code.split("\n")).toEqual(['"use strict";const a = 1;', "const b = 'x';", ""]);
  });
});

describe("compile: line numbers are the student's", () => {
  it("keeps every statement of a realistic TypeScript program on its line", () => {
    expectMarksKeepTheirLines(
      numbered(`import { asyncio, print } from "interleave";
import type { Task } from "interleave";
mark(#);
interface Job {
  id: number;
  name: string;
}
mark(#);
type Pair<T> = [T, T];
enum Color {
  Red,
  Green = 5,
  Blue,
}
mark(#);
async function fetch<T extends Job>(
  job: T,
  delay: number = 1,
): Promise<T> {
  mark(#);
  await asyncio.sleep(delay);
  mark(#);
  return job;
}
class Worker<T> {
  private done: number = 0;
  constructor(
    public readonly name: string,
    private queue: T[],
  ) {
    mark(#);
  }
  async run(): Promise<void> {
    mark(#);
    for (const item of this.queue) {
      await fetch(item as unknown as Job, 0.5);
      mark(#);
    }
  }
}
const make = async <T,>(x: T): Promise<Pair<T>> =>
  [x, x] as Pair<T>;
mark(#);
async function main(): Promise<void> {
  const w = new Worker<Job>("w", [{ id: 1, name: "a" }]);
  const tasks: Task<void>[] = [];
  mark(#);
  await Promise.resolve(mark(#));
  const result = await asyncio.gather(
    fetch({ id: 2, name: "b" }),
    make(3),
  );
  print(result!, Color.Blue satisfies Color);
  mark(#);
}
asyncio.run(main());
mark(#);`),
    );
  });

  it("keeps lines whatever whitespace and comments surround the statements", () => {
    const statements = [
      "const aLINE: number = mark(LINE);",
      "async function fLINE(x: string): Promise<void> { await mark(LINE); }",
      "interface ILINE { a: number }",
      "type TLINE = string | number;",
      "const gLINE = async () => mark(LINE);",
      "class CLINE { async m(): Promise<number> { return await mark(LINE); } }",
      "enum ELINE { A, B }",
      "mark(LINE);",
    ];
    const gap = fc.constantFrom("", " ", "\n", "\n\n", "/* c */", "// note\n", "/* a\nb */", "\t");
    fc.assert(
      fc.property(
        fc.array(fc.tuple(gap, fc.constantFrom(...statements)), { minLength: 1, maxLength: 12 }),
        (parts) => {
          let source = "";
          for (const [before, statement] of parts) {
            source += `${before}\n`;
            const line = source.split("\n").length;
            source += statement.replaceAll("LINE", String(line));
          }
          if (!source.includes("mark(")) return;
          expectMarksKeepTheirLines(source);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("compile: syntax errors come back at the student's line and column", () => {
  it("reports sucrase's errors without the position in the message", () => {
    const error = failure("const a = 1;\nconst b: number = 2;\nif (a {\n}");
    expect(error).toMatchObject({
      type: "SyntaxError",
      message: 'Unexpected token, expected ")"',
      line: 3,
      column: 7,
      filename: "main.ts",
    });
    expect(error.frame).toBe("3 | if (a {\n  |       ^");
  });

  it("maps acorn's errors past erased types to the student's column", () => {
    const error = failure("const a: Map<string, number> = new Map(); let b = 1; let b = 2;");
    expect(error).toMatchObject({ message: "Identifier 'b' has already been declared", line: 1, column: 58 });
  });

  it("reports strict-mode errors sucrase lets by", () => {
    expect(failure("function f(): void {}\nconst n: number = 010;")).toMatchObject({
      message: "Invalid number",
      line: 2,
      column: 19,
    });
    expect(failure("const x = 1;\nreturn x;")).toMatchObject({
      message: "'return' outside of function",
      line: 2,
      column: 1,
    });
  });

  it("reports an await in a default parameter value as a syntax error", () => {
    expect(failure("const a = 1;\nasync function f(n = await a) {}")).toMatchObject({
      message: "Await expression cannot be a default value",
      line: 2,
      column: 22,
    });
  });

  it("names the filename it was given", () => {
    expect(compile("let = ;", { filename: "worker.ts" })).toMatchObject({
      ok: false,
      error: { filename: "worker.ts" },
    });
  });

  it("never throws, whatever it is given", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (source) => {
        const result = compile(source);
        expect(typeof result.ok).toBe("boolean");
      }),
      { numRuns: 200 },
    );
    for (const source of ["`${", "/*", "<T>(", "class { async", "async () =>", "\u2028", "a\rb\r\nc"]) {
      expect(() => compile(source)).not.toThrow();
    }
    expect(compile(`x = ${"(".repeat(50_000)}1${")".repeat(50_000)};`)).toMatchObject({
      ok: false,
      error: { message: "the program is nested too deeply to compile", line: 1, column: 1 },
    });
  });
});

describe("compile: broken programs", () => {
  const program = `import { asyncio, print } from "interleave";
interface Job { id: number; name: string }
async function fetch(job: Job, delay = 1): Promise<string> {
  await asyncio.sleep(delay);
  return \`\${job.name}: \${job.id}\`;
}
class Pool<T> {
  private items: T[] = [];
  async run(f: (t: T) => Promise<void>) { for (const t of this.items) await f(t); }
}
const main = async () => print(await fetch({ id: 1, name: "a" }));
asyncio.run(main());`;

  it("report any error inside the source, whatever character is deleted or inserted", () => {
    fc.assert(
      fc.property(
        fc.nat(program.length - 1),
        fc.constantFrom("", "(", ")", "{", "}", ";", ":", "<", "`", "'", "await ", "async "),
        (at, insert) => {
          const broken = program.slice(0, at) + insert + program.slice(at + 1);
          const result = compile(broken);
          if (result.ok) return;
          const brokenLines = broken.split("\n");
          const { line, column } = result.error;
          expect(line).toBeGreaterThanOrEqual(1);
          expect(line).toBeLessThanOrEqual(brokenLines.length);
          expect(column).toBeGreaterThanOrEqual(1);
          expect(column).toBeLessThanOrEqual(brokenLines[line - 1]!.length + 1);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("compile: portability", () => {
  it("imports nothing but acorn, sucrase and its own modules (it must run in a Web Worker)", () => {
    const dir = fileURLToPath(new URL(".", import.meta.url));
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))) {
      const text = readFileSync(join(dir, file), "utf8");
      for (const [, specifier] of text.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+"([^"]+)"/gm)) {
        expect(
          ["acorn", "sucrase"].includes(specifier!) || specifier!.startsWith("./"),
          `${file}: ${specifier}`,
        ).toBe(true);
      }
    }
  });
});

describe("compile: unsupported constructs come back at the student's line and column", () => {
  it.each([
    [
      "top-level await",
      'import { asyncio } from "interleave";\nconst x: number = 1;\nawait asyncio.sleep(x);',
      UNSUPPORTED.topLevelAwait,
      3,
      1,
    ],
    [
      "await in a plain function",
      "function f(n: number) {\n  await g(n);\n}",
      UNSUPPORTED.awaitOutsideAsync,
      2,
      3,
    ],
    ["await in a plain arrow", "const f = (n: number) => await g(n);", UNSUPPORTED.awaitOutsideAsync, 1, 26],
    [
      "for await",
      "async function f(xs: number[]) {\n  for await (const x of xs) {}\n}",
      UNSUPPORTED.forAwait,
      2,
      3,
    ],
    [
      "an async generator",
      "let n: number = 0;\nasync function* g(): AsyncGenerator<number> {}",
      UNSUPPORTED.asyncGenerator,
      2,
      1,
    ],
    [
      "super in an async method",
      "class A extends B {\n  async m(x: number): Promise<void> { super.m(x); }\n}",
      UNSUPPORTED.superInAsync,
      2,
      39,
    ],
    [
      "arguments in an async arrow",
      "function f(a: number) {\n  return async () => arguments.length;\n}",
      UNSUPPORTED.argumentsInAsyncArrow,
      2,
      22,
    ],
    [
      "a namespace, whose body sucrase would drop",
      "const a = 1;\n  export namespace Config {\n  export const retries = 3;\n}",
      UNSUPPORTED.namespace,
      2,
      10,
    ],
  ])("%s", (_title, source, message, line, column) => {
    expect(failure(source)).toMatchObject({ type: "SyntaxError", message, line, column });
  });
});

describe("compile: warnings", () => {
  it("warns about timers and native Promises at the student's position", () => {
    const result = compile("const t: number = 1;\nsetTimeout(() => {}, t);");
    expect(result).toMatchObject({
      ok: true,
      warnings: [{ message: expect.stringContaining("asyncio.sleep"), line: 2, column: 1 }],
    });
  });
});
