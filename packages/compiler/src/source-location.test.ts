import { describe, expect, it } from "vitest";
import { codeFrame, Locator, lineAndColumn, lineText } from "./source-location";

describe("lineAndColumn and lineText", () => {
  it("count lines and columns from 1", () => {
    expect(lineAndColumn("ab\ncd", 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn("ab\ncd", 4)).toEqual({ line: 2, column: 2 });
    expect(lineText("ab\ncd\n", 2)).toBe("cd");
    expect(lineText("ab", 5)).toBe("");
  });
});

describe("codeFrame", () => {
  it("puts a caret under the column, keeping tabs so it lines up at any tab width", () => {
    expect(codeFrame("x\n\tlet a = ;", { line: 2, column: 10 })).toBe("2 | \tlet a = ;\n  | \t        ^");
  });

  it("widens the gutter for long files", () => {
    const source = `${"\n".repeat(11)}oops`;
    expect(codeFrame(source, { line: 12, column: 1 })).toBe("12 | oops\n   | ^");
  });
});

describe("Locator", () => {
  it("maps a point of sucrase's output back to the student's column", () => {
    const source = 'import { print } from "interleave";\nconst a: number = 1; oops();';
    const compiled = "\"use strict\";var _interleave = require('interleave');\nconst a = 1; oops();";
    const locator = new Locator(source, compiled, ["typescript", "imports"], "main.ts");
    expect(locator.locate(compiled.indexOf("oops"))).toEqual({
      line: 2,
      column: source.split("\n")[1]!.indexOf("oops") + 1,
    });
  });
});
