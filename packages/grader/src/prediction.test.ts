import { describe, expect, it } from "vitest";
import { readPrediction } from "./prediction";

describe("readPrediction", () => {
  it("reads the strings of a typed or untyped prediction array, in order, whatever the quotes", () => {
    const source = `print("x");\nconst prediction: string[] = [\n  "a sees 1",\n  'it\\'s b',\n  \`c done\`,\n];\n`;
    expect(readPrediction(source)).toEqual(["a sees 1", "it's b", "c done"]);
    expect(readPrediction(`const prediction = [];`)).toEqual([]);
  });

  it("says there is no prediction when the array is missing", () => {
    expect(readPrediction(`const guess = ["a"];`)).toBeNull();
  });
});
