import { transform } from "sucrase";
import { describe, expect, it } from "vitest";
import { originalColumn } from "./source-map";

function mapOf(source: string): { code: string; mappings: string } {
  const result = transform(source, {
    transforms: ["typescript", "imports"],
    disableESTransforms: true,
    sourceMapOptions: { compiledFilename: "main.js" },
    filePath: "main.ts",
  });
  return { code: result.code, mappings: result.sourceMap?.mappings ?? "" };
}

describe("originalColumn", () => {
  it("finds a token's column after sucrase erased types before it on the same line", () => {
    const source = "const a: number = 1; const b: Array<string> = [oops];";
    const { code, mappings } = mapOf(source);
    const generatedColumn = code.split("\n")[0]!.indexOf("oops");
    expect(originalColumn(mappings, 0, generatedColumn)).toBe(source.indexOf("oops"));
  });

  it("maps a point inside a token by its distance into the token", () => {
    const source = "let x: string = 1;\nlet longName: number = 2;";
    const { code, mappings } = mapOf(source);
    const generatedColumn = code.split("\n")[1]!.indexOf("Name");
    expect(originalColumn(mappings, 1, generatedColumn)).toBe("let long".length);
  });

  it("returns undefined for a line the map does not reach", () => {
    expect(originalColumn("AAAA", 3, 0)).toBeUndefined();
  });
});
