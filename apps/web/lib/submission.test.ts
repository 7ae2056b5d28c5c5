import { describe, expect, it } from "vitest";
import { MAX_CODE_BYTES } from "./site";
import { validateSubmission } from "./submission";

const KNOWN = ["12-asyncio/three-clients", "08-race-conditions/lost-update"];

describe("validateSubmission", () => {
  it("accepts a known exercise with code under the limit", () => {
    const result = validateSubmission({ exerciseId: "12-asyncio/three-clients", code: "print(1);" }, KNOWN);
    expect(result).toEqual({
      ok: true,
      input: { exerciseId: "12-asyncio/three-clients", code: "print(1);" },
    });
  });

  it("refuses an unknown or malformed exercise id, including paths out of the course", () => {
    for (const exerciseId of [
      "12-asyncio/nope",
      "../../etc/passwd",
      "12-asyncio/three-clients/../x",
      "",
      42,
    ]) {
      const result = validateSubmission({ exerciseId, code: "x" }, KNOWN);
      expect(result, String(exerciseId)).toEqual({
        ok: false,
        error: "That is not an exercise of this course.",
      });
    }
  });

  it("refuses code over 64 KiB, saying how large it is", () => {
    const code = "x".repeat(MAX_CODE_BYTES + 1);
    const result = validateSubmission({ exerciseId: KNOWN[0], code }, KNOWN);
    expect(result).toEqual({
      ok: false,
      error: "Your program is 65 KiB; the limit is 64 KiB. Remove what the exercise does not need.",
    });
  });

  it("counts bytes, not characters", () => {
    const code = "é".repeat(MAX_CODE_BYTES / 2 + 1); // 2 bytes each
    expect(validateSubmission({ exerciseId: KNOWN[0], code }, KNOWN).ok).toBe(false);
  });

  it("refuses missing code, non-object input and empty programs with clear messages", () => {
    expect(validateSubmission({ exerciseId: KNOWN[0] }, KNOWN)).toEqual({
      ok: false,
      error: "The code is missing.",
    });
    expect(validateSubmission(null, KNOWN).ok).toBe(false);
    expect(validateSubmission({ exerciseId: KNOWN[0], code: "  \n" }, KNOWN)).toEqual({
      ok: false,
      error: "The editor is empty: write a program, then Submit.",
    });
  });
});
