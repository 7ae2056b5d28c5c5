/**
 * Just enough of the source map format to read sucrase's maps back: sucrase keeps every line and
 * maps the start of every token, so the student's column of any point of its output is the column
 * of the token that starts at or before it, plus the distance into that token.
 *
 * One wrinkle: a map drops a segment that repeats the previous one's source position, so a line's
 * first token at source column 0 has no segment of its own when sucrase put text before it (the
 * `"use strict";` prologue on line 1). When counting forward from the previous segment overshoots
 * the next one, counting back from the next segment gives the answer.
 */

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const DIGIT: Readonly<Record<string, number>> = Object.fromEntries([...BASE64].map((ch, i) => [ch, i]));

/**
 * The source column (0-based) that generated `column` (0-based) of generated `line` (0-based) comes
 * from, reading the `mappings` of a version 3 source map; undefined if the line has no mapping.
 */
export function originalColumn(mappings: string, line: number, column: number): number | undefined {
  let currentLine = 0;
  let generated = 0;
  let source = 0;
  let before: [generated: number, source: number] | undefined;
  let after: [generated: number, source: number] | undefined;
  let index = 0;
  const fields: number[] = [];
  while (index < mappings.length && currentLine <= line) {
    const ch = mappings[index]!;
    if (ch === ";") {
      currentLine++;
      generated = 0;
      index++;
      continue;
    }
    if (ch === ",") {
      index++;
      continue;
    }
    fields.length = 0;
    while (index < mappings.length && mappings[index] !== "," && mappings[index] !== ";") {
      let value = 0;
      let shift = 0;
      let digit: number;
      do {
        digit = DIGIT[mappings[index++]!] ?? 0;
        value += (digit & 31) << shift;
        shift += 5;
      } while (digit & 32);
      fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
    }
    generated += fields[0] ?? 0;
    if (fields.length >= 4) source += fields[3] ?? 0;
    if (currentLine === line && fields.length >= 4) {
      if (generated <= column) before = [generated, source];
      else after ??= [generated, source];
    }
  }
  if (after && (!before || before[1] + (column - before[0]) >= after[1])) {
    return Math.max(before?.[1] ?? 0, after[1] - (after[0] - column));
  }
  return before && before[1] + (column - before[0]);
}
