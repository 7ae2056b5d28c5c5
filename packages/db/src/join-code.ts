// Join codes: 8 characters drawn with crypto.randomInt (unbiased) from an alphabet without the
// look-alikes 0/O, 1/I/L, so a code read aloud or off a projector is typed right. 31^8 ≈ 8.5e11
// codes; a collision is retried by the caller. Input is normalised (case, spaces, dashes).
import { randomInt } from "node:crypto";

export const JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const JOIN_CODE_LENGTH = 8;

/** A fresh random join code, e.g. "K7QPM2XD". */
export function generateJoinCode(): string {
  let code = "";
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

/** The canonical form of a typed code ("k7qp-m2xd " -> "K7QPM2XD"), or null if it cannot be one. */
export function normalizeJoinCode(input: string): string | null {
  if (typeof input !== "string" || input.length > 64) return null;
  const code = input.toUpperCase().replace(/[\s-]/g, "");
  if (code.length !== JOIN_CODE_LENGTH) return null;
  for (const ch of code) if (!JOIN_CODE_ALPHABET.includes(ch)) return null;
  return code;
}
