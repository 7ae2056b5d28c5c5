// CSV export of a class grid (RFC 4180: comma-separated, CRLF line ends, fields quoted when they
// contain a comma, quote or line break, quotes doubled). Cells that a spreadsheet would run as a
// formula (starting with = + - @, or a tab or carriage return) are prefixed with a single quote,
// as OWASP advises against CSV injection: a student's name is data, never a formula.
import { classGrid } from "./classes";
import type { Database } from "./database";
import type { Actor } from "./types";

/** One CSV field, quoted and formula-guarded as needed. */
export function csvField(value: string | number | null | undefined): string {
  let text = value == null ? "" : String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows of fields to CSV text (CRLF line ends, trailing CRLF). */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>): string {
  return rows.map((row) => `${row.map(csvField).join(",")}\r\n`).join("");
}

/**
 * The class grid as CSV: one row per student (name, email, exercises passed), then one column
 * per exercise holding its status ("pass", "fail", "error" or empty when not started).
 * @throws ForbiddenError unless the actor teaches this class.
 */
export async function classCsv(
  db: Database,
  actor: Actor | null | undefined,
  classId: string,
  exerciseIds?: string[],
): Promise<string> {
  const grid = await classGrid(db, actor, classId, exerciseIds);
  const header = ["name", "email", "passed", ...grid.exerciseIds];
  const rows = grid.rows.map((row) => [
    row.student.name,
    row.student.email,
    row.passed,
    ...grid.exerciseIds.map((id) => {
      const status = row.cells[id]?.status;
      return status === "not-started" ? "" : status;
    }),
  ]);
  return toCsv([header, ...rows]);
}
