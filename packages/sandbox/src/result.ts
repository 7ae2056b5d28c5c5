/**
 * RunResult helpers on the host side: results built by the sandbox itself (a run stopped from
 * outside, a syntax error) and the check that a result copied out of the VM has the documented
 * shape. The copy is parsed from one JSON string and rebuilt field by field, so nothing the
 * program could have shaped (getters, prototypes, extra fields) reaches a grader.
 */
import {
  type Json,
  type OutputLine,
  RESULT_VERSION,
  type RunError,
  type RunResult,
  type RunStatus,
  type RunWarning,
  type TraceEvent,
  type WaitingTask,
  type WarningKind,
} from "@interleave/scheduler";

const STATUSES: readonly RunStatus[] = ["ok", "error", "deadlock", "timeout", "limit"];
const MAX_TEXT = 100_000;

/** A result with no output: the run ended before the runtime could report (or never started). */
/** One run's result and what it cost. */
export interface MeasuredRun {
  result: RunResult;
  /**
   * CPU time the run took where it ran (ms): not inflated by other work on the machine, as wall
   * time is (the Node pool measures it on Linux; elsewhere it is the run's wall time).
   */
  cpuMs: number;
}

export function emptyResult(status: RunStatus, error: RunError | null, seed: number): RunResult {
  return {
    version: RESULT_VERSION,
    status,
    value: null,
    error,
    output: [],
    time: 0,
    trace: [],
    schedule: { strategy: "fifo", seed, choices: [] },
    stats: { steps: 0, switches: 0, passes: 0, tasks: 0, maxConcurrency: 0 },
    warnings: [],
    deadlock: null,
  };
}

/** Thrown when a result copied out of the VM does not have the documented shape. */
export class MalformedResultError extends Error {
  override name = "MalformedResultError";
}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function fail(what: string): never {
  throw new MalformedResultError(`malformed run result: ${what}`);
}

function str(v: unknown, what: string): string {
  if (typeof v !== "string") fail(what);
  return v.length > MAX_TEXT ? `${v.slice(0, MAX_TEXT)}...` : v;
}

function num(v: unknown, what: string): number {
  if (typeof v !== "number") fail(what);
  return v;
}

function strOrNull(v: unknown, what: string): string | null {
  return v === null ? null : str(v, what);
}

function arr(v: unknown, what: string): unknown[] {
  if (!Array.isArray(v)) fail(what);
  return v;
}

function obj(v: unknown, what: string): Obj {
  if (!isObj(v)) fail(what);
  return v;
}

function json(v: unknown, depth = 0): Json {
  if (v === null || typeof v === "boolean" || typeof v === "number") return v;
  if (typeof v === "string") return str(v, "value");
  if (depth > 64) fail("value too deep");
  if (Array.isArray(v)) return v.map((x) => json(x, depth + 1));
  if (isObj(v)) {
    const out: { [key: string]: Json } = {};
    for (const key of Object.keys(v)) out[key] = json(v[key], depth + 1);
    return out;
  }
  return fail("value");
}

function runError(v: unknown): RunError | null {
  if (v === null) return null;
  const o = obj(v, "error");
  const out: RunError = { type: str(o.type, "error.type"), message: str(o.message, "error.message") };
  if (o.where !== undefined) out.where = str(o.where, "error.where");
  if (o.stack !== undefined) out.stack = str(o.stack, "error.stack");
  return out;
}

function outputLine(v: unknown): OutputLine {
  const o = obj(v, "output line");
  const line: OutputLine = {
    time: num(o.time, "output.time"),
    task: strOrNull(o.task, "output.task"),
    text: "",
  };
  if (o.thread !== undefined) line.thread = str(o.thread, "output.thread");
  line.text = str(o.text, "output.text");
  return line;
}

function traceEvent(v: unknown): TraceEvent {
  const o = obj(v, "trace event");
  const event: TraceEvent = {
    seq: num(o.seq, "trace.seq"),
    time: num(o.time, "trace.time"),
    kind: str(o.kind, "trace.kind") as TraceEvent["kind"],
    task: strOrNull(o.task, "trace.task"),
  };
  // Part 2 adds fields (thread, process, core ...): copy any extra primitive fields as they are.
  for (const key of Object.keys(o)) {
    if (key in event) continue;
    const x = o[key];
    if (typeof x === "string") (event as unknown as Obj)[key] = str(x, `trace.${key}`);
    else if (typeof x === "number" || typeof x === "boolean" || x === null)
      (event as unknown as Obj)[key] = x;
  }
  return event;
}

function warning(v: unknown): RunWarning {
  const o = obj(v, "warning");
  return {
    kind: str(o.kind, "warning.kind") as WarningKind,
    message: str(o.message, "warning.message"),
    task: strOrNull(o.task, "warning.task"),
    time: num(o.time, "warning.time"),
  };
}

function waitingTask(v: unknown): WaitingTask {
  const o = obj(v, "waiting task");
  return { task: str(o.task, "task"), coro: str(o.coro, "coro"), waitsOn: str(o.waitsOn, "waitsOn") };
}

/** An object copied as plain JSON whose listed keys must be numbers. */
function jsonObjectWithNumbers(v: unknown, what: string, keys: readonly string[]): Obj {
  const copy = json(obj(v, what)) as Obj;
  for (const key of keys) num(copy[key], `${what}.${key}`);
  return copy;
}

const STAT_KEYS = ["steps", "switches", "passes", "tasks", "maxConcurrency"] as const;

/**
 * Rebuilds a RunResult from parsed JSON: the fields every reader relies on are checked one by
 * one; fields the scheduler adds over time (thread stats, a deadlock's cycle) are copied as
 * plain JSON.
 */
export function checkResult(data: unknown): RunResult {
  const o = obj(data, "result");
  if (o.version !== RESULT_VERSION) fail(`version ${String(o.version)}`);
  const status = o.status as RunStatus;
  if (!STATUSES.includes(status)) fail("status");
  const schedule = obj(o.schedule, "schedule");
  let deadlock: RunResult["deadlock"] = null;
  if (o.deadlock !== null) {
    const d = json(obj(o.deadlock, "deadlock")) as Obj;
    deadlock = {
      ...d,
      waiting: arr(d.waiting, "deadlock.waiting").map(waitingTask),
    } as RunResult["deadlock"];
  }
  return {
    version: RESULT_VERSION,
    status,
    value: json(o.value),
    error: runError(o.error),
    output: arr(o.output, "output").map(outputLine),
    time: num(o.time, "time"),
    trace: arr(o.trace, "trace").map(traceEvent),
    schedule: {
      strategy: str(schedule.strategy, "schedule.strategy"),
      seed: num(schedule.seed, "schedule.seed"),
      choices: arr(schedule.choices, "schedule.choices").map((c) => num(c, "choice")),
    },
    stats: jsonObjectWithNumbers(o.stats, "stats", STAT_KEYS) as unknown as RunResult["stats"],
    warnings: arr(o.warnings, "warnings").map(warning),
    deadlock,
  };
}
