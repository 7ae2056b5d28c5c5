/**
 * A fresh QuickJS runtime and context with the runtime bundle already evaluated, ready for one
 * program and then thrown away.
 *
 * Evaluating the bundle (parsing ~50 KB of JavaScript and freezing the realm's built-ins) is the
 * bulk of a run's fixed cost, and quickjs-emscripten's release builds cannot load precompiled
 * bytecode (docs/sandbox.md). So a host prepares the next context while it is idle, right after
 * a run, and the next run starts from it: every run still gets a runtime and context no program
 * has touched, and a warm worker's latency excludes the bundle. A prepared context is used once.
 */
import type { QuickJSContext, QuickJSHandle, QuickJSRuntime } from "quickjs-emscripten-core";
import type { Engine } from "./engine";
import { RuntimeBundleError } from "./errors";
import { RUNTIME_BUNDLE } from "./generated/runtime-bundle.js";
import { DEFAULT_LIMITS, type SandboxStop } from "./limits";

const BUNDLE_FILENAME = "interleave-runtime.js";
/** Generous: evaluating the bundle is trusted work; this only guards against a wedged engine. */
const PREPARE_DEADLINE_MS = 10_000;

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
  readonly handles: QuickJSHandle[] = [];
  /** Contexts of the run's child processes (spawn), disposed with it. */
  readonly children: QuickJSContext[] = [];
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

  /** Arms the interrupt handler for the program: its deadline and the engine's memory line. */
  arm(deadlineMs: number): void {
    this.watch.deadline = now() + deadlineMs;
    this.watch.memoryStop = this.engine.memoryStopBytes();
  }

  /** Disposes every handle, the context and the runtime; marks the engine broken if that fails. */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    try {
      for (const h of this.handles) if (h.alive) h.dispose();
      for (const child of this.children) if (child.alive) child.dispose();
      this.context.dispose();
      this.runtime.dispose();
    } catch {
      this.engine.broken = true;
    } finally {
      this.engine.liveRuntimes--;
    }
  }
}
