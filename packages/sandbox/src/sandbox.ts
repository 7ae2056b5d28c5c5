/**
 * QuickJSSandbox: compile a student's program with @interleave/compiler and run it in QuickJS,
 * on whatever thread the caller is on (a Node worker, a browser Web Worker, a test).
 *
 * It owns one engine (the WASM module) and replaces it when it broke, when its heap grew, or
 * when a run asks for a different memory limit. Between runs it prepares the next run's context
 * (prepared-context.ts). Hosts that must survive a runaway single built-in call (which no
 * interrupt handler can stop) run it on a thread they can terminate: see node/ and browser/.
 */
import { type CompileResult, compile } from "@interleave/compiler";
import type { RunResult } from "@interleave/scheduler";
import { DEFAULT_VARIANT, Engine, type VariantName } from "./engine";
import { RuntimeBundleError, SandboxDisposedError } from "./errors";
import { resolveLimits, type SandboxLimits } from "./limits";
import { emptyResult } from "./result";
import { type CompiledJob, runInQuickJS } from "./run-in-quickjs";
import type { StrategyOption } from "./vm/program";

/** Options of one run. */
export interface RunOptions {
  /** The program's file name, shown in errors; .js/.mjs names are compiled as JavaScript. */
  filename?: string;
  /** Seed of the run's pseudo-random choices (default 0). */
  seed?: number;
  /** Overrides of the default limits. */
  limits?: Partial<SandboxLimits>;
  /** Record the trace (default true). */
  trace?: boolean;
  /** Who runs next at each preemption point of threads (default round-robin), as JSON data. */
  strategy?: StrategyOption;
  /** Virtual cores for processes (default 4). */
  cores?: number;
  /** The GIL's switch interval in seconds (default 0.005). */
  switchInterval?: number;
}

/** Options of a sandbox. */
export interface SandboxOptions {
  variant?: VariantName;
  /** URL of the variant's .wasm file (browsers, when the bundler does not resolve it). */
  wasmLocation?: string;
  /**
   * Runs `task` when the thread is idle, to prepare the next run's context. Default: a
   * zero-delay timer. Pass `() => {}` to disable preparing ahead.
   */
  whenIdle?: (task: () => void) => void;
}

const COMPILE_CACHE_SIZE = 32;
/** Longest program accepted (characters); compiling is not interruptible. */
const MAX_SOURCE_CHARS = 1_000_000;

/** A QuickJS sandbox on the current thread. Create with `await QuickJSSandbox.create()`. */
export class QuickJSSandbox {
  #engine: Engine | null;
  #disposed = false;
  #idleQueued = false;
  readonly #options: SandboxOptions;
  readonly #compiled = new Map<string, CompileResult>();

  private constructor(engine: Engine, options: SandboxOptions) {
    this.#engine = engine;
    this.#options = options;
  }

  /** Loads the QuickJS module (tens of milliseconds) and returns a sandbox ready to run. */
  static async create(options: SandboxOptions = {}): Promise<QuickJSSandbox> {
    const engine = await loadEngine(options, resolveLimits().memoryBytes);
    const sandbox = new QuickJSSandbox(engine, options);
    sandbox.#queuePrepare();
    return sandbox;
  }

  /** The QuickJS build in use. */
  get variant(): VariantName {
    return this.#options.variant ?? DEFAULT_VARIANT;
  }

  /** The current engine (for tests: after dispose(), its liveRuntimes must be 0). */
  get engine(): Engine | null {
    return this.#engine;
  }

  /** Compiles and runs `source`; resolves to its result. Never rejects because the program failed. */
  async run(source: string, options: RunOptions = {}): Promise<RunResult> {
    if (this.#disposed) throw new SandboxDisposedError("QuickJSSandbox");
    const filename = options.filename ?? "main.ts";
    const seed = options.seed ?? 0;
    const limits = resolveLimits(options.limits);
    if (source.length > MAX_SOURCE_CHARS) {
      const message = `The program is longer than ${MAX_SOURCE_CHARS.toLocaleString("en-US")} characters.`;
      return emptyResult("error", { type: "ProgramTooLarge", message }, seed);
    }
    const compiled = this.#compile(source, filename);
    if (!compiled.ok) {
      const { message, line, column } = compiled.error;
      return emptyResult("error", { type: "SyntaxError", message, where: `${line}:${column}` }, seed);
    }
    const job: CompiledJob = { code: compiled.code, filename, seed, limits, trace: options.trace ?? true };
    if (options.strategy !== undefined) job.strategy = options.strategy;
    if (options.cores !== undefined) job.cores = options.cores;
    if (options.switchInterval !== undefined) job.switchInterval = options.switchInterval;
    this.#engine?.collect();
    let engine = await this.#readyEngine(limits.memoryBytes);
    let result: RunResult;
    try {
      result = runInQuickJS(engine, job);
    } catch (error) {
      // The bundle could not start in this module (it broke): once more on a fresh module.
      if (!(error instanceof RuntimeBundleError)) throw error;
      engine.broken = true;
      engine = await this.#readyEngine(limits.memoryBytes);
      result = runInQuickJS(engine, job);
    }
    this.#queuePrepare();
    return result;
  }

  async #readyEngine(memoryBytes: number): Promise<Engine> {
    let engine = this.#engine;
    if (engine === null || engine.needsReplacing(memoryBytes)) {
      engine?.dispose();
      this.#engine = null;
      engine = await loadEngine(this.#options, memoryBytes);
      if (this.#disposed) {
        engine.dispose();
        throw new SandboxDisposedError("QuickJSSandbox");
      }
      this.#engine = engine;
    }
    return engine;
  }

  /** Releases the engine. Runs after this throw SandboxDisposedError. */
  dispose(): void {
    this.#disposed = true;
    this.#engine?.dispose();
    this.#engine = null;
  }

  [Symbol.dispose](): void {
    this.dispose();
  }

  #compile(source: string, filename: string): CompileResult {
    const key = `${filename}\u0000${source}`;
    const hit = this.#compiled.get(key);
    if (hit !== undefined) return hit;
    const result = compile(source, { filename });
    if (this.#compiled.size >= COMPILE_CACHE_SIZE) {
      this.#compiled.delete(this.#compiled.keys().next().value!);
    }
    this.#compiled.set(key, result);
    return result;
  }

  #queuePrepare(): void {
    if (this.#idleQueued) return;
    this.#idleQueued = true;
    const whenIdle = this.#options.whenIdle ?? ((task: () => void) => setTimeout(task, 0));
    whenIdle(() => {
      this.#idleQueued = false;
      const engine = this.#engine;
      if (this.#disposed || engine === null) return;
      try {
        engine.collect();
        if (!engine.needsReplacing(engine.memoryBytes)) engine.prepareSpare();
      } catch {
        engine.broken = true;
      }
    });
  }
}

function loadEngine(options: SandboxOptions, memoryBytes: number): Promise<Engine> {
  const engineOptions: Parameters<typeof Engine.load>[0] = { memoryBytes };
  if (options.variant !== undefined) engineOptions.variant = options.variant;
  if (options.wasmLocation !== undefined) engineOptions.wasmLocation = options.wasmLocation;
  return Engine.load(engineOptions);
}
