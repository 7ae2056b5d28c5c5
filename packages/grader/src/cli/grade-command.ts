/** `interleave grade EXERCISE FILE`: grades a file and prints each check's result. */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { UsageError } from "../errors";
import { gradeSubmission } from "../grade";
import type { GradingResult } from "../results";
import { type CliIO, EXIT, paint } from "./io";

export interface GradeFlags {
  json?: boolean;
  /** Include the hidden checks (teachers; the server always does). */
  hidden?: boolean;
}

/** Exit 0 when every check passes, 1 when one fails, 2 for a usage or grading-setup error. */
export async function gradeCommand(
  exercise: string,
  file: string,
  flags: GradeFlags,
  io: CliIO,
): Promise<number> {
  const fullPath = path.resolve(io.cwd, file);
  const source = await readFile(fullPath, "utf8").catch(() => {
    throw new UsageError(`cannot read '${file}': give the path of your .ts or .js solution`);
  });
  const target =
    path.isAbsolute(exercise) || exercise.startsWith(".") ? path.resolve(io.cwd, exercise) : exercise;
  const result = await gradeSubmission(target, source, {
    filename: path.basename(fullPath),
    includeHidden: flags.hidden ?? false,
    ...(io.executor ? { executor: io.executor } : {}),
    ...(io.root ? { root: io.root } : {}),
  });
  if (flags.json) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  else printResult(result, path.relative(io.cwd, fullPath) || file, io);
  if (result.status === "pass") return EXIT.ok;
  return result.status === "fail" ? EXIT.failed : EXIT.usage;
}

function indent(text: string, by: string): string {
  return text
    .split("\n")
    .map((l) => by + l)
    .join("\n");
}

/** The human-readable report: one line per check, with the message and output of failures. */
export function printResult(result: GradingResult, file: string, io: CliIO): void {
  const c = paint(io);
  io.stdout(`${c.bold(`${file}`)} against ${c.bold(result.interleave.exercise)}\n\n`);
  if (result.status === "error" && result.tests.length === 0) {
    io.stdout(`${c.red("error")}: ${result.message}\n`);
    return;
  }
  for (const [i, test] of result.tests.entries()) {
    const extras = result.interleave.tests[i];
    const mark = test.status === "pass" ? c.green("✓") : test.status === "fail" ? c.red("✗") : c.red("!");
    io.stdout(`  ${mark} ${test.name}${extras?.hidden ? c.dim(" (hidden)") : ""}\n`);
    if (test.status === "pass") continue;
    if (test.message) io.stdout(`${indent(test.message, "      ")}\n`);
    const repro = extras?.reproduce;
    if (repro && (repro.schedule.choices.length > 0 || repro.explored !== undefined)) {
      const pct = repro.depth ? ` --depth ${repro.depth}${repro.steps ? ` --steps ${repro.steps}` : ""}` : "";
      const flags = `--seed ${repro.seed} --strategy ${repro.strategy}${pct}`;
      io.stdout(c.dim(`      Reproduce: interleave run ${file} ${flags}\n`));
    }
    if (test.output) io.stdout(`${c.dim(indent(`Output:\n${test.output}`, "      "))}\n`);
    io.stdout("\n");
  }
  const counts = { pass: 0, fail: 0, error: 0 };
  for (const t of result.tests) counts[t.status]++;
  const parts = [`${counts.pass} passed`];
  if (counts.fail) parts.push(c.red(`${counts.fail} failed`));
  if (counts.error) parts.push(c.red(`${counts.error} errored`));
  const skipped = result.interleave.hiddenSkipped;
  const hiddenNote = skipped
    ? c.dim(` (${skipped} hidden check${skipped === 1 ? "" : "s"} not run; they run when you submit)`)
    : "";
  io.stdout(
    `\n${result.tests.length} checks: ${parts.join(", ")}${hiddenNote}  ${c.dim(`${Math.round(result.interleave.durationMs)} ms`)}\n`,
  );
  if (result.status === "error" && result.message) io.stdout(`${c.red("error")}: ${result.message}\n`);
}
