/** `interleave run FILE`: runs a program and prints its output with virtual timestamps. */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { renderTimelineText, toLanes } from "@interleave/timeline";
import { defaultExecutor } from "../default-executor";
import { describeEnding } from "../describe-run";
import { UsageError } from "../errors";
import type { RunOptions } from "../executor";
import { type CliIO, EXIT, paint } from "./io";

export interface RunFlags {
  seed?: number;
  strategy?: string;
  depth?: number;
  steps?: number;
  json?: boolean;
  timeline?: boolean;
}

export const STRATEGIES = ["round-robin", "random", "pct"] as const;

/** Runs FILE; exit 0 when it finished normally, 1 otherwise, 2 for a usage error. */
export async function runCommand(file: string, flags: RunFlags, io: CliIO): Promise<number> {
  const c = paint(io);
  if (flags.strategy !== undefined && !(STRATEGIES as readonly string[]).includes(flags.strategy)) {
    throw new UsageError(`unknown strategy '${flags.strategy}': use one of ${STRATEGIES.join(", ")}`);
  }
  const fullPath = path.resolve(io.cwd, file);
  const source = await readFile(fullPath, "utf8").catch(() => {
    throw new UsageError(`cannot read '${file}': give the path of a .ts or .js program`);
  });
  const options: RunOptions = {};
  if (flags.seed !== undefined) options.seed = flags.seed;
  if (flags.strategy !== undefined) options.strategy = flags.strategy;
  if (flags.depth !== undefined) options.depth = flags.depth;
  if (flags.steps !== undefined) options.steps = flags.steps;
  const executor = io.executor ?? (await defaultExecutor());
  const run = await executor.run({ ...options, source, filename: path.basename(fullPath) });
  if (flags.json) {
    io.stdout(`${JSON.stringify(run, null, 2)}\n`);
    return run.status === "ok" ? EXIT.ok : EXIT.failed;
  }
  for (const line of run.output) {
    const who = line.thread ?? line.task;
    io.stdout(
      `${c.dim(`${line.time.toFixed(3).padStart(8)}s`)} ${c.dim((who ?? "").padEnd(8))} ${line.text}\n`,
    );
  }
  // The same lanes as the web app's timeline, drawn in glyphs (docs/timeline.md).
  if (flags.timeline && run.trace.length > 0)
    io.stdout(`\n${renderTimelineText(toLanes(run), { width: 60 })}\n`);
  for (const warning of run.warnings) io.stderr(`${c.yellow("warning:")} ${warning.message}\n`);
  const ending = describeEnding(run).replace(/^it /, "");
  const schedule = `seed ${run.schedule.seed}, strategy ${run.schedule.strategy}`;
  const summary = `${run.status === "ok" ? c.green("ok") : c.red(run.status)}: ${ending} (${schedule})`;
  io.stderr(`${summary}\n`);
  return run.status === "ok" ? EXIT.ok : EXIT.failed;
}
