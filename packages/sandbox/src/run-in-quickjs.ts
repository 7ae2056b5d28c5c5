/**
 * One run of a compiled program in a prepared QuickJS context.
 *
 * Recipe: take a prepared context (runtime bundle evaluated, built-ins frozen); set the memory
 * and stack limits and arm the interrupt handler with the wall-clock deadline and the heap size
 * past which the program is stopped; evaluate the program's module body as a function under the
 * student's file name; call the entry's run() with it; copy the result out as one JSON string;
 * drain pending promise jobs in bounded batches; dispose the run's handles. A child process's
 * realm is a context of the same runtime (child-contexts.ts). A run that ended on its own
 * leaves contexts the entry can clean, which serve the next run (prepared-context.ts); one
 * stopped by a limit or the host is thrown away. A host-side exception or a failed dispose
 * marks the engine broken, and its module is never used again.
 *
 * Copying out follows GOTCHAS: check typeof and length before reading, never stringify a VM
 * value on the host, read error objects only through getProp with the interrupt handler armed.
 */
import { wrapAsFunctionBody } from "@interleave/compiler";
import type { RunResult } from "@interleave/scheduler";
import type { QuickJSContext, QuickJSHandle, QuickJSRuntime } from "quickjs-emscripten-core";
import type { Engine } from "./engine";
import { RuntimeBundleError } from "./errors";
import { type SandboxLimits, type SandboxStop, STOP_TYPES, stopMessage } from "./limits";
import type { PreparedContext, Watch } from "./prepared-context";
import { checkResult, emptyResult, MalformedResultError } from "./result";
import { rewriteError } from "./stack-trace";
import { importError, type ProgramOptions, type StrategyOption } from "./vm/program";

/** A compiled program and how to run it. */
export interface CompiledJob {
  /** The compiler's output (a script expecting require, exports, module and __coro). */
  code: string;
  filename: string;
  seed: number;
  limits: SandboxLimits;
  /** Record the trace (default true). */
  trace?: boolean;
  /** Threads: who runs at each preemption point (default round-robin), cores, switch interval. */
  strategy?: StrategyOption;
  cores?: number;
  switchInterval?: number;
}

/** Longest result string copied out of the VM (characters). */
const MAX_RESULT_CHARS = 32 * 1024 * 1024;
/** Promise jobs run per executePendingJobs call, between deadline checks. */
const JOB_BATCH = 1_000;

/** Runs a compiled program once and returns its result. Never throws because the program failed. */
export function runInQuickJS(engine: Engine, job: CompiledJob): RunResult {
  engine.runs++;
  const prepared = engine.takeContext();
  prepared.runs++;
  const handles: QuickJSHandle[] = [];
  let result: RunResult;
  let reusable = false;
  try {
    result = runPrepared(prepared, job, handles);
    reusable = prepared.watch.stop === null && !STOPPED_TYPES.has(result.error?.type ?? "");
  } catch (error) {
    // A host-side exception from QuickJS (native stack overflow, an abort): never reuse it.
    engine.broken = true;
    if (error instanceof RuntimeBundleError) throw error;
    const stop = prepared.watch.stop ?? hostStop(error, engine.heapBytes() >= prepared.watch.memoryStop);
    result = emptyResult("error", { type: "SandboxError", message: describe(error) }, job.seed);
    result = applyStop(stop, result, job.limits);
  } finally {
    try {
      for (const h of handles) if (h.alive) h.dispose();
      reusable = reusable && !engine.broken && prepared.resetForReuse();
    } catch {
      engine.broken = true;
      reusable = false;
    }
    // Freeing a runtime takes milliseconds: a healthy engine does it when idle.
    if (engine.broken) prepared.dispose();
    else if (reusable) engine.recycle(prepared);
    else engine.retire(prepared);
  }
  return rewriteError(result, job.filename);
}

/** Error types after which a context is not reused: the run did not end on its own. */
const STOPPED_TYPES = new Set([
  ...Object.values(STOP_TYPES).map((stop) => stop.type),
  "SandboxError",
  "UnreadableError",
]);

function runPrepared(prepared: PreparedContext, job: CompiledJob, handles: QuickJSHandle[]): RunResult {
  const { runtime, context: ctx, watch } = prepared;
  const { limits } = job;
  const keep = (h: QuickJSHandle) => {
    handles.push(h);
    return h;
  };
  runtime.setMemoryLimit(limits.memoryBytes);
  runtime.setMaxStackSize(limits.stackBytes);
  prepared.arm(limits.deadlineMs);

  const wrapped = prepared.moduleBody(job.code, job.filename, () => wrapAsFunctionBody(job.code));
  if ("error" in wrapped) {
    // The compiler parses everything it emits; this is a construct QuickJS alone rejects.
    const error = readError(ctx, keep(wrapped.error));
    return applyStop(watch.stop, emptyResult("error", error, job.seed), limits);
  }
  const body = wrapped.value;
  const options: ProgramOptions = {
    filename: job.filename,
    seed: job.seed,
    trace: job.trace ?? true,
    maxSteps: limits.maxSteps,
    maxVirtualSeconds: limits.maxVirtualSeconds,
    maxOutputLines: limits.maxOutputLines,
    maxTraceEvents: limits.maxTraceEvents,
    maxOutputChars: limits.maxOutputChars,
  };
  if (job.strategy !== undefined) options.strategy = job.strategy;
  if (job.cores !== undefined) options.cores = job.cores;
  if (job.switchInterval !== undefined) options.switchInterval = job.switchInterval;
  const optionsHandle = keep(ctx.newString(JSON.stringify(options)));
  const spawnChild = prepared.spawnChild(job.code, job.filename);
  const called = ctx.callFunction(prepared.run, ctx.undefined, body, optionsHandle, spawnChild);
  let result: RunResult;
  if (called.error) {
    // Only what the entry cannot catch gets here: an interrupt, or running out of stack or memory.
    const error = readError(ctx, keep(called.error));
    watch.stop ??= stopFor(error);
    result = { ...emptyResult("error", error, job.seed), output: partialOutput(prepared) };
  } else {
    const text = readString(ctx, keep(called.value));
    result =
      text === null
        ? emptyResult(
            "error",
            { type: "SandboxError", message: "the run's result could not be read" },
            job.seed,
          )
        : fromEntry(text, job);
  }
  // Jobs the run left (promise callbacks). With none, nothing can happen after the result was made.
  const lateJobs = runtime.hasPendingJob();
  if (lateJobs && watch.stop === null) watch.stop = drainJobs(runtime, limits.maxMicrotasks, watch);
  if (lateJobs && watch.stop === null && result.status === "ok") {
    // A dynamic import() fails in a promise job after the result was made: it still fails the run.
    const late = ctx.callFunction(keep(ctx.getProp(prepared.entry, "forbiddenImport")), prepared.entry);
    const name = late.error ? null : readString(ctx, keep(late.value));
    if (late.error) keep(late.error);
    if (name) result = { ...result, status: "error", value: null, error: importError(name) };
  }
  return applyStop(watch.stop, result, limits);
}

/** Time allowed to copy out the lines printed by a run that was stopped. */
const PARTIAL_MS = 200;

/**
 * The lines a stopped run printed, from the entry's own record: the interrupt handler is
 * re-armed with a short deadline (and no memory line: the heap cannot grow past its maximum)
 * for this one call, then put back as it was.
 */
function partialOutput(prepared: PreparedContext): RunResult["output"] {
  const { context: ctx, watch } = prepared;
  const saved = { ...watch };
  watch.stop = null;
  watch.deadline = performance.now() + PARTIAL_MS;
  watch.memoryStop = Number.POSITIVE_INFINITY;
  try {
    const fn = ctx.getProp(prepared.entry, "partial");
    const called = ctx.callFunction(fn, prepared.entry);
    fn.dispose();
    if (called.error) {
      called.error.dispose();
      return [];
    }
    const text = readString(ctx, called.value);
    called.value.dispose();
    if (text === null) return [];
    return checkResult({ ...emptyResult("ok", null, 0), output: JSON.parse(text) as unknown }).output;
  } catch {
    return [];
  } finally {
    Object.assign(watch, saved);
  }
}

/** Replaces a result's status and error by the sandbox limit that stopped the run, if any. */
function applyStop(stop: SandboxStop | null, result: RunResult, limits: SandboxLimits): RunResult {
  if (stop === null) return result;
  const { type, status } = STOP_TYPES[stop];
  return { ...result, status, value: null, error: { type, message: stopMessage(stop, limits) } };
}

/** Parses the entry's JSON: `{result, outputExceeded}` or `{entryFailure}`. */
function fromEntry(text: string, job: CompiledJob): RunResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return emptyResult(
      "error",
      { type: "SandboxError", message: "the run's result was not valid JSON" },
      job.seed,
    );
  }
  const o = data as { result?: unknown; outputExceeded?: unknown; entryFailure?: unknown };
  if (typeof o.entryFailure === "string") {
    const stop = stopForText(o.entryFailure);
    const message =
      "The run could not be completed, most likely because the program left the runtime a value " +
      `it cannot read (a getter or Proxy that throws). Details: ${o.entryFailure.slice(0, 500)}`;
    const fallback = emptyResult("error", { type: "UnreadableError", message }, job.seed);
    return applyStop(stop, fallback, job.limits);
  }
  let result: RunResult;
  try {
    result = checkResult(o.result);
  } catch (error) {
    if (!(error instanceof MalformedResultError)) throw error;
    return emptyResult("error", { type: "SandboxError", message: error.message }, job.seed);
  }
  if (o.outputExceeded === true) return applyStop("output", result, job.limits);
  // A program that dies of deep recursion or exhausted memory gets that limit's own message.
  if (result.status === "error" && result.error !== null) {
    const stop = stopFor(result.error);
    if (stop !== null) {
      const stopped = applyStop(stop, result, job.limits);
      const { where, stack } = result.error;
      return { ...stopped, error: { ...stopped.error!, ...(where && { where }), ...(stack && { stack }) } };
    }
  }
  return result;
}

/** The sandbox limit an engine error stands for, if any. */
function stopFor(error: { type: string; message: string }): SandboxStop | null {
  return stopForText(`${error.type}: ${error.message}`);
}

function stopForText(text: string): SandboxStop | null {
  // Bellard's QuickJS reports a JSON.parse too deep for the stack as a SyntaxError.
  if (/^(InternalError|RangeError|SyntaxError): (stack overflow|Maximum call stack size exceeded)/.test(text))
    return "stack";
  if (/^InternalError: (out of memory|string too long)/.test(text)) return "memory";
  return null;
}

/** Classifies an exception QuickJS threw into the host. */
function hostStop(error: unknown, heapFull: boolean): SandboxStop | null {
  if (heapFull) return "memory";
  if (error instanceof RangeError && /call stack/i.test(error.message)) return "stack";
  if (
    error instanceof Error &&
    /memory access out of bounds|out of memory|Cannot enlarge memory/i.test(error.message)
  ) {
    return "memory";
  }
  return null;
}

/** Runs pending promise jobs in bounded batches; "microtasks" if they do not end in time. */
function drainJobs(runtime: QuickJSRuntime, max: number, watch: Watch): SandboxStop | null {
  let ran = 0;
  while (runtime.hasPendingJob()) {
    if (ran >= max) return "microtasks";
    const batch = runtime.executePendingJobs(Math.min(JOB_BATCH, max - ran));
    if (batch.error) {
      batch.error.dispose();
      ran++;
    } else {
      ran += batch.value;
    }
    if (watch.stop !== null) return watch.stop;
  }
  return null;
}

/** Reads a VM string of bounded length; null if it is not a string or too long. */
function readString(ctx: QuickJSContext, handle: QuickJSHandle): string | null {
  if (ctx.typeof(handle) !== "string") return null;
  const lengthHandle = ctx.getProp(handle, "length");
  const length = ctx.typeof(lengthHandle) === "number" ? ctx.getNumber(lengthHandle) : Number.NaN;
  lengthHandle.dispose();
  if (!(length <= MAX_RESULT_CHARS)) return null;
  return ctx.getString(handle);
}

/** Reads `name` and `message` of a thrown VM value without running host conversions on it. */
function readError(ctx: QuickJSContext, handle: QuickJSHandle): { type: string; message: string } {
  const kind = ctx.typeof(handle);
  if (kind !== "object") {
    const text = kind === "string" ? readString(ctx, handle) : null;
    return { type: kind, message: text === null ? "" : text.slice(0, 1_000) };
  }
  const field = (key: string): string => {
    try {
      const h = ctx.getProp(handle, key);
      try {
        return (readString(ctx, h) ?? "").slice(0, 1_000);
      } finally {
        h.dispose();
      }
    } catch {
      return "";
    }
  };
  return { type: field("name") || "Error", message: field("message") };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 500) : "unknown host error";
}
