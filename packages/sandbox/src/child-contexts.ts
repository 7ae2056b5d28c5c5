/**
 * The QuickJS contexts of a run's child processes (spawn), kept for later runs.
 *
 * A child process evaluates the program again in a realm of its own: a context of the parent's
 * QuickJS runtime whose %GeneratorPrototype% is linked to the parent's, made deterministic with
 * the parent entry's Math.random and clock, and frozen (HARDEN_SCRIPT). Hardening a realm costs
 * ~15 ms, twenty times the parent's whole run of a small program, so, as the parent's own
 * context does (prepared-context.ts), a child's context serves many runs:
 *
 * - A run takes a clean context per child process it starts (never one another process of the
 *   same run used) and gives them all back when it ends.
 * - After a run that ended on its own, each is cleaned as the parent is (the entry's
 *   `childReset`: the globals the program added deleted, the global object checked) and kept,
 *   up to MAX_IDLE; one that cannot be cleaned is disposed. After a run stopped by a limit or
 *   the host, or with promise jobs pending, they go with the parent's context.
 * - Per-run state needs no rebinding: the realm's Math.random and clock read the parent entry's
 *   `determinism`, which each run reseeds; the scheduler and the module a child imports live in
 *   the parent's context. The program's child module body is evaluated once per context and
 *   sealed (the entry's `sealBody`); each call is a fresh module scope.
 * - A child context never outlives its parent's, so the parent's MAX_RUNS bounds its runs.
 */
import { wrapAsFunctionBody } from "@interleave/compiler";
import type { QuickJSContext, QuickJSHandle } from "quickjs-emscripten-core";
import { RuntimeBundleError } from "./errors";
import { HARDEN_SCRIPT } from "./generated/runtime-bundle.js";
import type { PreparedContext } from "./prepared-context";
import { childSource } from "./vm/program";

/** Clean child contexts kept between runs (the most one run used, up to this). */
export const MAX_IDLE = 8;
/** Child module bodies kept evaluated per context. */
const MAX_BODIES = 2;

/** One child process's realm and what the host holds in it. */
class ChildContext {
  /** Evaluated child module bodies by program, newest last. */
  readonly bodies = new Map<string, QuickJSHandle>();

  constructor(
    readonly context: QuickJSContext,
    /** The entry's cleaner for this realm's global object (a function of the parent's context). */
    readonly reset: QuickJSHandle,
  ) {}

  dispose(): void {
    for (const h of this.bodies.values()) if (h.alive) h.dispose();
    if (this.reset.alive) this.reset.dispose();
    if (this.context.alive) this.context.dispose();
  }
}

/** The child contexts of one prepared context: idle ones, and those the current run uses. */
export class ChildContexts {
  readonly #idle: ChildContext[] = [];
  readonly #inUse: ChildContext[] = [];
  /** Contexts hardened (each costs what the pool saves); for tests and the bench. */
  made = 0;

  constructor(private readonly prepared: PreparedContext) {}

  /** Child contexts kept clean for the next run. */
  get idle(): number {
    return this.#idle.length;
  }

  /**
   * The module body of `code`, evaluated for a child process in a clean context of its own,
   * with a name lookup at its end (childSource). The entry calls it with the child's module.
   * @throws Error when the program cannot be evaluated again (the child process then fails).
   */
  spawn(code: string, filename: string): QuickJSHandle {
    const child = this.#idle.pop() ?? this.#make();
    this.#inUse.push(child);
    const body = this.prepared.sealedBody(child.context, child.bodies, MAX_BODIES, code, filename, () =>
      wrapAsFunctionBody(childSource(code)),
    );
    if ("error" in body) {
      body.error.dispose();
      throw new Error("the program could not be evaluated again for a child process");
    }
    // The host function that returns it hands the handle over: the cache keeps its own.
    return body.value.dup();
  }

  /**
   * After a run that ended on its own and a clean parent, with the watch re-armed: cleans each
   * context the run used and keeps it for the next run if it is clean.
   */
  release(): void {
    const used = this.#inUse.splice(0);
    try {
      while (used.length > 0) {
        const child = used.shift()!;
        if (
          this.#idle.length < MAX_IDLE &&
          this.prepared.cleaned(child.reset, this.prepared.context.undefined)
        )
          this.#idle.push(child);
        else child.dispose();
      }
    } finally {
      // A cleaner that threw into the host: the rest are not kept (the engine is broken).
      for (const child of used) child.dispose();
    }
  }

  /** Disposes every child context (the parent's context is going away, or was stopped). */
  dispose(): void {
    for (const child of this.#inUse.splice(0)) child.dispose();
    for (const child of this.#idle.splice(0)) child.dispose();
  }

  /** A new child context: linked, hardened, and its clean global object's baseline taken. */
  #make(): ChildContext {
    const { runtime, context: parent, entry } = this.prepared;
    const context = runtime.newContext();
    try {
      linkGeneratorPrototypes(parent, context);
      harden(this.prepared, context);
      const childReset = parent.getProp(entry, "childReset");
      const reset = parent.callFunction(childReset, entry, context.global);
      childReset.dispose();
      if (reset.error) {
        reset.error.dispose();
        throw new RuntimeBundleError("a child process's context could not be prepared");
      }
      this.made++;
      return new ChildContext(context, reset.value);
    } catch (error) {
      context.dispose();
      throw error;
    }
  }
}

/** Freezes the child's realm and gives it the parent entry's Math.random and clock. */
function harden(prepared: PreparedContext, child: QuickJSContext): void {
  const install = child.evalCode(HARDEN_SCRIPT, "interleave-harden.js", { type: "global" });
  if (install.error) {
    install.error.dispose();
    throw new RuntimeBundleError("the hardening script failed in a child process's context");
  }
  const determinism = prepared.context.getProp(prepared.entry, "determinism");
  try {
    const called = child.callFunction(install.value, child.undefined, determinism);
    if (called.error) {
      called.error.dispose();
      throw new RuntimeBundleError("the hardening script failed in a child process's context");
    }
    called.value.dispose();
  } finally {
    determinism.dispose();
    install.value.dispose();
  }
}

const GENERATOR_PROTOTYPE = "Object.getPrototypeOf((function* () {}).prototype)";

/**
 * Puts the parent's %GeneratorPrototype% on the prototype chain of the child's, before the
 * child is frozen: the scheduler checks that a coroutine body made a generator with
 * `GeneratorPrototype.isPrototypeOf(gen)`, which a generator of another realm fails. The
 * child's generators keep their own next/throw/return. (A realm-independent check in the
 * scheduler would make this unnecessary.)
 */
function linkGeneratorPrototypes(parent: QuickJSContext, child: QuickJSContext): void {
  const parentProto = parent.evalCode(GENERATOR_PROTOTYPE, "interleave-link.js", { type: "global" });
  const link = child.evalCode(
    `(function (parentProto) { Object.setPrototypeOf(${GENERATOR_PROTOTYPE}, parentProto); })`,
    "interleave-link.js",
    { type: "global" },
  );
  try {
    if (!parentProto.error && !link.error)
      child.callFunction(link.value, child.undefined, parentProto.value).dispose();
  } finally {
    parentProto.dispose();
    link.dispose();
  }
}
