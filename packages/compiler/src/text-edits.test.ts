import { describe, expect, it } from "vitest";
import { TextEdits } from "./text-edits";

describe("TextEdits", () => {
  it("returns the source unchanged when there are no edits", () => {
    expect(new TextEdits().apply("a\nb")).toBe("a\nb");
  });

  it("nests text that opens and closes at the same offsets like brackets", () => {
    // outer( inner( x ) ) registered outer first, as a tree walk does
    const edits = new TextEdits();
    edits.open(0, "outer(");
    edits.close(1, ")outer");
    edits.replace(0, 1, "[x]");
    edits.open(0, "inner(");
    edits.close(1, ")inner");
    expect(edits.apply("x;")).toBe("outer(inner([x])inner)outer;");
  });

  it("closes what ends at an offset before opening what starts there", () => {
    const edits = new TextEdits();
    edits.open(2, "<");
    edits.close(2, ">");
    expect(edits.apply("abcd")).toBe("ab><cd");
  });
});
