/// <reference types="vite/client" />
/**
 * Runs every program of programs/ on the scheduler and compares what it prints, when and from
 * which task, with what CPython printed for its Python twin (programs/<name>.expected.json,
 * recorded by `npm run conformance:record -w @interleave/scheduler`; no Python needed here).
 */
import { describe, expect, it } from "vitest";
import { type InterleaveModule, run } from "../src/index";

interface Expected {
  status: "ok" | "error" | "deadlock";
  error: string | null;
  time: number;
  lines: { time: number; task: string | null; text: string }[];
}

type Program = (module: InterleaveModule) => unknown;

const programs = import.meta.glob<Program>("./programs/*.ts", { eager: true, import: "default" });
const expectations = import.meta.glob<Expected>("./programs/*.expected.json", {
  eager: true,
  import: "default",
});

const round = (t: number) => Math.round(t * 1e6) / 1e6;

describe("conformance with CPython 3.11 asyncio", () => {
  const names = Object.keys(programs).map((path) => path.replace(/^\.\/programs\/|\.ts$/g, ""));

  it("has a Python twin and an expected output for every program", () => {
    for (const name of names) expect(expectations[`./programs/${name}.expected.json`], name).toBeDefined();
    expect(names.length).toBeGreaterThanOrEqual(40);
  });

  for (const name of names) {
    it(name, () => {
      const program = programs[`./programs/${name}.ts`]!;
      const expected = expectations[`./programs/${name}.expected.json`]!;
      const result = run(program);
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
