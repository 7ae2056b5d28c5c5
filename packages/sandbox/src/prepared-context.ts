/**
 * A QuickJS runtime and context with the runtime bundle evaluated, ready to run programs.
 *
 * Evaluating the bundle (parsing ~50 KB of JavaScript and freezing the realm's built-ins) costs
 * tens of milliseconds, far more than a typical run, and quickjs-emscripten's release builds
 * cannot load precompiled bytecode (docs/sandbox.md). So a context serves many runs: the realm
 * and everything of the runtime a program can reach are frozen, each run's state lives in that
 * run, and after a run the entry removes the globals the program added (entry.ts reset()). A
 * context is thrown away instead when a run was stopped by a limit or the host, when it cannot
 * be cleaned, or after MAX_RUNS runs; a host prepares the next one while it is idle.
 */
import type { QuickJSContext, QuickJSHandle, QuickJSRuntime } from "quickjs-emscripten-core";
import { ChildContexts } from "./child-contexts";
import type { Engine } from "./engine";
import { RuntimeBundleError } from "./errors";
import { RUNTIME_BUNDLE } from "./generated/runtime-bundle.js";
import { DEFAULT_LIMITS, type SandboxStop } from "./limits";

const BUNDLE_FILENAME = "interleave-runtime.js";
/** Generous: evaluating the bundle is trusted work; this only guards against a wedged engine. */
const PREPARE_DEADLINE_MS = 10_000;
/** Runs one context serves before it is replaced (bounds what a long life could accumulate). */
export const MAX_RUNS = 2_000;
/** Module bodies kept evaluated per context. */
const MAX_BODIES = 4;

export const now: () => number = () => performance.now();

/** What the interrupt handler checks; the run that owns the context arms it. */
export interface Watch {
  /** performance.now() after which the program is interrupted. */
  deadline: number;
  /** Heap size (bytes) past which the program is interrupted. */
  memoryStop: number;
  /** Why the program was interrupted; once set, every later poll interrupts again. */
  stop: SandboxStop | null;
}

/** A runtime + context with the entry object in hand. */
export class PreparedContext {
  /** Handles that live as long as the context (the entry and its functions). */
  readonly handles: QuickJSHandle[] = [];
  /** Contexts of child processes (spawn): the current run's, and clean ones kept for the next. */
  readonly children: ChildContexts = new ChildContexts(this);
  /** Runs started on this context. */
  runs = 0;
  /** Evaluated module bodies by source, newest last: re-running a program skips parsing it. */
  readonly #bodies = new Map<string, QuickJSHandle>();
  /** The host function child processes start through, and the program the current run runs. */
  #spawnChild: QuickJSHandle | null = null;
  #program: { code: string; filename: string } | null = null;
  #disposed = false;

  private constructor(
    private readonly engine: Engine,
    readonly runtime: QuickJSRuntime,
    readonly context: QuickJSContext,
    readonly watch: Watch,
    /** The entry object: run(body, optionsJson) and forbiddenImport(). */
    readonly entry: QuickJSHandle,
    /** The entry's run(body, optionsJson) function. */
    readonly run: QuickJSHandle,
  ) {}

  /** Creates the runtime and context and evaluates the bundle. */
  static create(engine: Engine): PreparedContext {
    const runtime = engine.module.newRuntime();
    engine.liveRuntimes++;
    const watch: Watch = {
      deadline: now() + PREPARE_DEADLINE_MS,
      // The bundle is trusted: only the deadline guards it; arm() sets the memory line for the run.
      memoryStop: Number.POSITIVE_INFINITY,
      stop: null,
    };
    runtime.setInterruptHandler(() => {
      if (watch.stop !== null) return true;
      if (engine.heapBytes() > watch.memoryStop) watch.stop = "memory";
      else if (now() > watch.deadline) watch.stop = "deadline";
      return watch.stop !== null;
    });
    runtime.setMaxStackSize(DEFAULT_LIMITS.stackBytes);
    let context: QuickJSContext | undefined;
    try {
      context = runtime.newContext();
      const boot = context.evalCode(RUNTIME_BUNDLE, BUNDLE_FILENAME, { type: "global", strip: true });
      if (boot.error) {
        boot.error.dispose();
        throw new RuntimeBundleError("the runtime bundle failed to start in a fresh context");
      }
      const run = context.getProp(boot.value, "run");
      const prepared = new PreparedContext(engine, runtime, context, watch, boot.value, run);
      prepared.handles.push(boot.value, run);
      return prepared;
    } catch (error) {
      try {
        context?.dispose();
        runtime.dispose();
      } catch {
        engine.broken = true;
      }
      engine.liveRuntimes--;
      throw error;
    }
  }

  /**
   * The host function a run's multiprocessing calls to start a child process, which evaluates
   * `code` again in a child context. Made once per context (a host function costs a trip into
   * the engine to make and one to free): each run points it at its own program.
   */
  spawnChild(code: string, filename: string): QuickJSHandle {
    this.#program = { code, filename };
    if (this.#spawnChild === null) {
      this.#spawnChild = this.context.newFunction("spawnChild", () => {
        const program = this.#program!;
        return this.children.spawn(program.code, program.filename);
      });
      this.handles.push(this.#spawnChild);
    }
    return this.#spawnChild;
  }

  /** Arms the interrupt handler for the program: its deadline and the engine's memory line. */
  arm(deadlineMs: number): void {
    this.watch.deadline = now() + deadlineMs;
    this.watch.memoryStop = this.engine.memoryStopBytes();
  }

  /**
   * The module body of `code` as a function in this context, evaluated once per context (a
   * grader runs one program many times). Each call of the function is a fresh module scope;
   * the function itself is frozen by the entry so a program cannot keep anything on it.
   * Returns the evaluation's error handle instead when QuickJS rejects the code.
   */
  moduleBody(
    code: string,
    filename: string,
    wrapped: () => string,
  ): { value: QuickJSHandle } | { error: QuickJSHandle } {
    return this.sealedBody(this.context, this.#bodies, MAX_BODIES, code, filename, wrapped);
  }

  /**
   * `code`'s module body (the text `wrapped()` gives) evaluated in `target`, this context or a
   * child process's, and sealed by this context's entry; kept in `bodies` by program, newest
   * last, at most `max` (the oldest disposed). The handle stays the cache's. Returns the error
   * handle instead when QuickJS rejects the code or the seal fails.
   */
  sealedBody(
    target: QuickJSContext,
    bodies: Map<string, QuickJSHandle>,
    max: number,
    code: string,
    filename: string,
    wrapped: () => string,
  ): { value: QuickJSHandle } | { error: QuickJSHandle } {
    const key = `${filename}\u0000${code}`;
    const hit = bodies.get(key);
    if (hit?.alive) {
      bodies.delete(key);
      bodies.set(key, hit);
      return { value: hit };
    }
    const evaluated = target.evalCode(wrapped(), filename, { type: "global" });
    if (evaluated.error) return { error: evaluated.error };
    const seal = this.context.getProp(this.entry, "sealBody");
    const sealed = this.context.callFunction(seal, this.entry, evaluated.value);
    seal.dispose();
    if (sealed.error) {
      evaluated.value.dispose();
      return { error: sealed.error };
    }
    sealed.value.dispose();
    bodies.set(key, evaluated.value);
    while (bodies.size > max) {
      const [oldest, handle] = bodies.entries().next().value!;
      bodies.delete(oldest);
      handle.dispose();
    }
    return { value: evaluated.value };
  }

  /**
   * After a run that ended normally: asks the entry to remove what the program left, in this
   * context and in its child processes' contexts, and says whether the context may serve
   * another run.
   */
  resetForReuse(): boolean {
    if (this.#disposed || this.runs >= MAX_RUNS || this.runtime.hasPendingJob()) return false;
    this.watch.stop = null;
    this.watch.deadline = now() + PREPARE_DEADLINE_MS;
    this.watch.memoryStop = Number.POSITIVE_INFINITY;
    const reset = this.context.getProp(this.entry, "reset");
    try {
      if (!this.cleaned(reset, this.entry)) return false;
      this.children.release();
      return this.watch.stop === null;
    } finally {
      reset.dispose();
    }
  }

  /**
   * Calls a cleaner of the entry's (reset, or a child realm's) and says whether it left its realm
   * clean: it answered "" (else why not) and the watch did not stop it.
   */
  cleaned(cleaner: QuickJSHandle, thisArg: QuickJSHandle): boolean {
    const called = this.context.callFunction(cleaner, thisArg);
    if (called.error) {
      called.error.dispose();
      return false;
    }
    const verdict =
      this.context.typeof(called.value) === "string" ? this.context.getString(called.value) : "?";
    called.value.dispose();
    return verdict === "" && this.watch.stop === null;
  }

  /** Disposes every handle, the context and the runtime; marks the engine broken if that fails. */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    try {
      for (const h of this.handles) if (h.alive) h.dispose();
      for (const h of this.#bodies.values()) if (h.alive) h.dispose();
      this.children.dispose();
      this.context.dispose();
      this.runtime.dispose();
    } catch {
      this.engine.broken = true;
    } finally {
      this.engine.liveRuntimes--;
    }
  }
}
