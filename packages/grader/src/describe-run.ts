/**
 * Plain-words descriptions of a run, for failure messages a learner reads: how it ended, what it
 * printed, and where to look. Kept short: a message says what was expected, what happened and,
 * when useful, the first few lines of output.
 */
import type { OutputLine, RunResult } from "@interleave/scheduler";

/** "1.5 s", "2 s", "0.001 s": virtual seconds as a learner reads them. */
export function seconds(value: number): string {
  return `${Number(value.toFixed(6))} s`;
}

/** A printed line with its virtual timestamp: "[  1.000] client 1 processed". */
export function formatLine(line: OutputLine): string {
  return `[${line.time.toFixed(3).padStart(7)}] ${line.text}`;
}

/** The run's output with timestamps, cut to `maxLines` lines (with a note of how many more). */
export function formatOutput(run: RunResult, maxLines = 12): string {
  if (run.output.length === 0) return "(nothing was printed)";
  const shown = run.output.slice(0, maxLines).map(formatLine);
  if (run.output.length > maxLines) shown.push(`... and ${run.output.length - maxLines} more lines`);
  return shown.join("\n");
}

/** How the run ended, in one sentence: "it raised ValueError: boom at line 3:5". */
export function describeEnding(run: RunResult): string {
  switch (run.status) {
    case "ok":
      return `it finished normally at ${seconds(run.time)} of virtual time`;
    case "error": {
      const e = run.error;
      if (!e) return "it ended with an error";
      const where = e.where ? ` at line ${e.where}` : "";
      return `it raised ${e.type}: ${e.message}${where}`;
    }
    case "deadlock": {
      const waiting = run.deadlock?.waiting ?? [];
      const who = waiting.map((w) => `${w.task} (${w.coro}) waits on ${w.waitsOn}`).join("; ");
      return `it deadlocked at ${seconds(run.time)}: nothing could run any more${who ? ` (${who})` : ""}`;
    }
    case "timeout":
      return run.error
        ? `it was stopped at ${seconds(run.time)} of virtual time: ${run.error.message}`
        : `it was still running after ${seconds(run.time)} of virtual time and was stopped`;
    case "limit":
      return `it was stopped: ${run.error?.message ?? "a limit was reached"}`;
  }
}

/** Output texts only, for comparisons. */
export function outputTexts(run: RunResult): string[] {
  return run.output.map((l) => l.text);
}

/** The error type of the limit that stopped a run (DeadlineExceeded, MemoryLimitExceeded ...), or null. */
export function stopOf(run: RunResult): string | null {
  return run.status === "timeout" || run.status === "limit" ? (run.error?.type ?? run.status) : null;
}
