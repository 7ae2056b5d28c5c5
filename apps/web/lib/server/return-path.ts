// Where sign-in and sign-up send the person afterwards (`?next=`): a path on this site only.
// Browsers read `/\evil.example` and `/<tab>/evil.example` as `//evil.example`, another site, so
// a prefix check is not enough: the path must resolve to this origin and hold no backslash or
// control character.

const ORIGIN = "http://interleave.invalid";
const MAX_LENGTH = 2000;

/** `next` if it is a path on this site, else "/" (also for arrays, absent or oversized values). */
export function returnPath(next: unknown): string {
  if (typeof next !== "string" || next.length > MAX_LENGTH) return "/";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (!next.startsWith("/") || /[\\\u0000-\u001f\u007f]/.test(next)) return "/";
  try {
    return new URL(next, ORIGIN).origin === ORIGIN ? next : "/";
  } catch {
    return "/";
  }
}
