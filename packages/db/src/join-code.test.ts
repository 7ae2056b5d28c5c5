import { describe, expect, it } from "vitest";
import { generateJoinCode, JOIN_CODE_ALPHABET, normalizeJoinCode } from "./join-code";

describe("join codes", () => {
  it("are 8 characters from an alphabet without look-alikes", () => {
    expect(JOIN_CODE_ALPHABET).not.toMatch(/[01ILO]/);
    const codes = new Set(Array.from({ length: 500 }, generateJoinCode));
    expect(codes.size).toBe(500);
    for (const code of codes) expect(code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/);
  });

  it("accept what people type: lower case, spaces, dashes", () => {
    expect(normalizeJoinCode(" k7qp-m2xd ")).toBe("K7QPM2XD");
    expect(normalizeJoinCode("K7QP M2XD")).toBe("K7QPM2XD");
  });

  it("refuse what cannot be a code", () => {
    expect(normalizeJoinCode("K7QPM2X")).toBeNull();
    expect(normalizeJoinCode("K7QPM2XO")).toBeNull(); // O is not in the alphabet
    expect(normalizeJoinCode("x".repeat(1000))).toBeNull();
  });
});
