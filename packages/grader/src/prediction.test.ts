import { describe, expect, it } from "vitest";
import { checkPrediction, readPrediction } from "./prediction";

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

describe("checkPrediction", () => {
  const spec = {
    expected: ["a done", "b done"],
    nudges: { "b done": "b sleeps longer." },
    fallback: "Follow the clock.",
  };
  const verdict = (source: string, extra: Partial<typeof spec> & Record<string, unknown> = {}) => {
    const t = {
      source,
      fail(message: string): never {
        throw new Error(message);
      },
    };
    try {
      checkPrediction(t, { ...spec, ...extra });
      return "pass";
    } catch (error) {
      return (error as Error).message;
    }
  };

  it("passes a prediction that lists exactly the printed lines", () => {
    expect(verdict(`const prediction = ["a done", "b done"];`)).toBe("pass");
  });

  it("names the first wrong line, what was written there and that line's nudge", () => {
    expect(verdict(`const prediction = ["a done", "a again"];`)).toBe(
      'Expected line 2 of the prediction to be right.\nGot: "a again" there.\nb sleeps longer.',
    );
    expect(verdict(`const prediction = ["b done"];`)).toMatch(
      /line 1 .*\nGot: "b done" there\.\nFollow the clock\.$/,
    );
  });

  it("says when only the number of lines is wrong, and when the array is missing", () => {
    expect(verdict(`const prediction = ["a done", "b done", "c"];`)).toBe(
      "Expected 2 lines.\nGot: 3 lines; the first 2 are right.",
    );
    expect(verdict(`print("no prediction")`)).toMatch(/^Expected a `const prediction/);
  });

  it("lets the grader pick the nudge from what the student wrote", () => {
    const nudge = (wrongAt: number, got: string | undefined) =>
      wrongAt < 0 ? "Nothing else is printed." : got?.startsWith("b") ? "a comes first." : undefined;
    expect(verdict(`const prediction = ["b done", "a done"];`, { nudge })).toMatch(/\na comes first\.$/);
    expect(verdict(`const prediction = ["a done", "b done", "x"];`, { nudge })).toMatch(
      /are right\. Nothing else is printed\.$/,
    );
  });
});
