/**
 * Expectations over one run: `t.expect(run).toFinishOk()`. A failed expectation throws a
 * CheckFailure carrying the run, whose message says what was expected and what happened; the
 * check runner turns it into a failed test with the run's output, seed and schedule.
 */
import type { Json, RunResult, RunStatus, WarningKind } from "@interleave/scheduler";
import { describeEnding, seconds } from "./describe-run";
import { CheckFailure } from "./errors";

const TIME_EPSILON = 1e-9;

/** Ends a phrase with a full stop unless it ends with a list. */
function sentence(text: string): string {
  if (text.endsWith("\n")) return text.trimEnd();
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function quote(text: string): string {
  return JSON.stringify(text);
}

function list(lines: readonly string[], max = 12): string {
  const shown = lines.slice(0, max).map((l) => `  ${quote(l)}`);
  if (lines.length > max) shown.push(`  ... and ${lines.length - max} more`);
  return shown.length > 0 ? shown.join("\n") : "  (nothing)";
}

function jsonEqual(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => jsonEqual(x, b[i] as Json));
  }
  const ao = a as Record<string, Json>;
  const bo = b as Record<string, Json>;
  const keys = Object.keys(ao);
  return keys.length === Object.keys(bo).length && keys.every((k) => k in bo && jsonEqual(ao[k]!, bo[k]!));
}

/** Assertions about one run. Each returns `this`, so they chain. */
export class RunExpectation {
  constructor(
    private readonly run: RunResult,
    private readonly hint?: string,
  ) {}

  private fail(expected: string, got: string): never {
    const parts = [`Expected ${sentence(expected)}`, `Got: ${sentence(got)}`];
    if (this.hint) parts.push(this.hint);
    throw new CheckFailure(parts.join("\n"), this.run);
  }

  /** The program finished without an error, deadlock or limit. */
  toFinishOk(): this {
    if (this.run.status !== "ok") this.fail("the program to finish normally", describeEnding(this.run));
    return this;
  }

  /** The run ended with this status ("ok", "error", "deadlock", "timeout", "limit"). */
  toHaveStatus(status: RunStatus): this {
    if (this.run.status !== status)
      this.fail(`the run to end with status "${status}"`, describeEnding(this.run));
    return this;
  }

  /** The run deadlocked (nothing could run any more). */
  toDeadlock(): this {
    return this.toHaveStatus("deadlock");
  }

  /** The program raised an error of this type (ValueError, CancelledError ...). */
  toRaise(type: string): this {
    if (this.run.status !== "error" || this.run.error?.type !== type) {
      this.fail(`the program to raise ${type}`, describeEnding(this.run));
    }
    return this;
  }

  /** The run's final virtual time is exactly `time` seconds. */
  toEndAtTime(time: number): this {
    this.toFinishOk();
    if (Math.abs(this.run.time - time) > TIME_EPSILON) {
      this.fail(
        `the program to finish at ${seconds(time)} of virtual time`,
        `it finished at ${seconds(this.run.time)}`,
      );
    }
    return this;
  }

  /** The run finished within `time` virtual seconds. */
  toEndWithin(time: number): this {
    this.toFinishOk();
    if (this.run.time > time + TIME_EPSILON) {
      this.fail(
        `the program to finish within ${seconds(time)} of virtual time`,
        `it took ${seconds(this.run.time)}`,
      );
    }
    return this;
  }

  /** The program printed exactly these lines, in this order, and nothing else. */
  toPrint(lines: readonly string[]): this {
    const texts = this.run.output.map((l) => l.text);
    const same = texts.length === lines.length && texts.every((t, i) => t === lines[i]);
    if (!same) {
      const firstDiff = lines.findIndex((l, i) => texts[i] !== l);
      const at = firstDiff >= 0 ? firstDiff : lines.length;
      const detail =
        at < texts.length
          ? `line ${at + 1} was ${quote(texts[at]!)}${at < lines.length ? `, not ${quote(lines[at]!)}` : " (one too many)"}`
          : `the output stopped after ${texts.length} lines`;
      this.fail(`these lines, in this order:\n${list(lines)}\n`, detail);
    }
    return this;
  }

  /** These lines were printed in this order (other lines may come between them). */
  toPrintInOrder(lines: readonly string[]): this {
    const texts = this.run.output.map((l) => l.text);
    let from = 0;
    for (const [i, line] of lines.entries()) {
      const at = texts.indexOf(line, from);
      if (at < 0) {
        const anywhere = texts.includes(line);
        const detail = anywhere
          ? `${quote(line)} was printed, but before ${quote(lines[i - 1]!)}`
          : `${quote(line)} was never printed`;
        this.fail(`these lines, in this order:\n${list(lines)}\n`, detail);
      }
      from = at + 1;
    }
    return this;
  }

  /** Some printed line equals `text` (or matches the regular expression). */
  toPrintLine(text: string | RegExp): this {
    const texts = this.run.output.map((l) => l.text);
    const found = texts.some((t) => (typeof text === "string" ? t === text : text.test(t)));
    if (!found)
      this.fail(`a line ${typeof text === "string" ? quote(text) : `matching ${text}`}`, "no line was");
    return this;
  }

  /** The line `text` was printed at `time` virtual seconds. */
  toPrintAt(text: string, time: number): this {
    const line = this.run.output.find((l) => l.text === text);
    if (!line) this.fail(`${quote(text)} to be printed at ${seconds(time)}`, "it was never printed");
    if (Math.abs(line.time - time) > TIME_EPSILON) {
      this.fail(
        `${quote(text)} to be printed at ${seconds(time)}`,
        `it was printed at ${seconds(line.time)}`,
      );
    }
    return this;
  }

  /** The run's value (RunResult.value, see docs/run-result.md) equals `value` (compared as JSON). */
  toReturn(value: Json): this {
    this.toFinishOk();
    if (!jsonEqual(this.run.value, value)) {
      this.fail(
        `the program's value to be ${JSON.stringify(value)}`,
        `it was ${JSON.stringify(this.run.value)}`,
      );
    }
    return this;
  }

  /**
   * The run finished and recorded no warning (no blocking call in a coroutine, no forgotten
   * await ...). A run that did not finish proves nothing, so it fails this too.
   */
  toHaveNoWarnings(): this {
    this.toFinishOk();
    const first = this.run.warnings[0];
    if (first)
      this.fail("no warnings", `${this.run.warnings.length} warning(s), the first: ${first.message}`);
    return this;
  }

  /** The run recorded a warning of this kind ("blocking-call", "never-awaited" ...). */
  toWarn(kind: WarningKind): this {
    if (!this.run.warnings.some((w) => w.kind === kind)) {
      const kinds = this.run.warnings.map((w) => w.kind).join(", ") || "none";
      this.fail(`a "${kind}" warning`, `warnings recorded: ${kinds}`);
    }
    return this;
  }

  /** The run finished without a warning of this kind (a run that did not finish fails this). */
  toNotWarn(kind: WarningKind): this {
    this.toFinishOk();
    const found = this.run.warnings.find((w) => w.kind === kind);
    if (found) this.fail(`no "${kind}" warning`, found.message);
    return this;
  }

  /** At least `count` tasks (or threads) were alive at the same moment. */
  toRunConcurrently(count: number): this {
    if (this.run.stats.maxConcurrency < count) {
      this.fail(
        `at least ${count} tasks alive at the same time`,
        `at most ${this.run.stats.maxConcurrency} ${this.run.stats.maxConcurrency === 1 ? "was" : "were"}`,
      );
    }
    return this;
  }

  /** The trace has at least one event of this kind (optionally whose detail contains `detail`). */
  toHaveTraceEvent(kind: string, detail?: string): this {
    const found = this.run.trace.some(
      (e) => e.kind === kind && (detail === undefined || (e.detail ?? "").includes(detail)),
    );
    if (!found)
      this.fail(`a "${kind}" event${detail ? ` about ${quote(detail)}` : ""} in the trace`, "there was none");
    return this;
  }
}
