/**
 * The runtime bundle's entry: evaluated once per QuickJS context, which then serves many runs.
 *
 * It makes the realm deterministic (determinism.ts) and freezes its built-ins (harden.ts) and
 * everything of the runtime a program can reach, then hands the host one frozen object whose
 * `run(body, optionsJson)` runs the program's module body on the scheduler and returns the
 * RunResult as one JSON string. The bundle is wrapped by the generator so that this object is
 * the completion value of the script and is stored in no global: the host holds the only
 * reference, taken before any program code runs. Nothing here compiles: the host compiles
 * with @interleave/compiler and evaluates the wrapped module body itself.
 *
 * Reuse: with the realm and the runtime frozen, the only place a program can leave something
 * for the next run is a global it adds. `reset()` deletes those after each run and reports a
 * context it cannot clean (a non-configurable global), which the host then throws away. The
 * bundle's module-level state (the scheduler's included) is reset by each run.
 */
import { createRuntime, EPOCH_SECONDS, type OutputLine, Prng } from "@interleave/scheduler";
import { installDeterminism, removeGcObservers } from "./determinism";
import { freezeGraph, hardenRealm } from "./harden";
import { type ChildBody, type ModuleBody, type ProgramOptions, runProgram } from "./program";

const stringify = JSON.stringify;
const parse = JSON.parse;

/** Why the entry could not produce a result (the host reports it as an error). */
interface EntryFailure {
  entryFailure: string;
}

function describe(error: unknown): string {
  try {
    if (error instanceof Error) return `${String(error.name)}: ${String(error.message)}`.slice(0, 500);
    return typeof error === "string" ? error.slice(0, 500) : typeof error;
  } catch {
    return "a value that cannot be read";
  }
}

/** time.time() of the runtime, in milliseconds; the epoch of virtual time outside a run. */
const runtimeModule = createRuntime().module;
const EPOCH_MS = EPOCH_SECONDS * 1000;
function nowMs(): number {
  try {
    return runtimeModule.time.time() * 1000;
  } catch {
    return EPOCH_MS;
  }
}
/** Math.random of the run in progress: reseeded from the run's seed by run(). */
let prng = new Prng(0);
/** A different stream from the scheduler's own seeded choices, for the same seed. */
const RANDOM_SALT = 0x9e3779b9;
const determinism = Object.freeze({ nowMs, random: () => prng.next() });

removeGcObservers(globalThis);
installDeterminism(globalThis, determinism);
hardenRealm(globalThis);
// Every function, class and prototype a program can reach through the "interleave" module.
freezeGraph([runtimeModule]);
/** The global object, held here: `globalThis` is itself a global a program could redefine. */
const theGlobal = globalThis;
/** The globals of a clean context; reset() removes any other. */
const baselineGlobals = new Set<PropertyKey>(Reflect.ownKeys(theGlobal));
/**
 * What each of those globals holds (value, or getter and setter), to find one redefined in
 * place. hardenRealm made them read-only and non-configurable, and QuickJS-ng refuses to
 * redefine them; Bellard's QuickJS lets `Object.defineProperty(globalThis, "Map", { value })`
 * through (an engine bug, redefining a value only on the global object). The runtime never
 * reads a global after it starts (the bundle captured them), so a redefinition cannot steer
 * the run, but it would reach the next run in this context: the run fails and the context goes.
 */
const baselineValues = new Map<PropertyKey, unknown>();
const baselineAccessors = new Map<PropertyKey, PropertyDescriptor>();
for (const key of baselineGlobals) {
  const desc = Reflect.getOwnPropertyDescriptor(theGlobal, key)!;
  if ("value" in desc) baselineValues.set(key, desc.value);
  else baselineAccessors.set(key, desc);
}

/**
 * A baseline global whose value or accessors changed, or null. Values are read directly (no
 * engine turns a non-configurable data property into an accessor): a descriptor per global
 * would cost every run ~0.1 ms.
 */
function redefinedGlobal(): PropertyKey | null {
  const global = theGlobal as unknown as Record<PropertyKey, unknown>;
  for (const [key, value] of baselineValues) if (!Object.is(global[key as string], value)) return key;
  for (const [key, was] of baselineAccessors) {
    const desc = Reflect.getOwnPropertyDescriptor(theGlobal, key);
    if (desc === undefined || desc.get !== was.get || desc.set !== was.set) return key;
  }
  return null;
}

function redefinitionError(key: PropertyKey): { type: string; message: string } {
  return {
    type: "TypeError",
    message: `the program redefined the built-in global '${String(key).slice(0, 100)}', which is read-only`,
  };
}

/** The module child processes import is frozen like the main one, once, before a child sees it. */
const sealed = new WeakSet<object>();
function sealChildModule(module: unknown): void {
  if (typeof module !== "object" || module === null || sealed.has(module)) return;
  sealed.add(module);
  freezeGraph([module]);
}

let forbiddenImport: () => string | null = () => null;
/** Lines printed so far, for a run stopped before the scheduler could report (partial()). */
const printed: OutputLine[] = [];
const push = Array.prototype.push;
const ownKeys = Reflect.ownKeys;
const deleteProperty = Reflect.deleteProperty;

export const entry = Object.freeze({
  /**
   * Runs the program; returns `{result, outputExceeded}` or `{entryFailure}` as JSON.
   * `spawnChild` is the host's: it evaluates the program again in a fresh context.
   */
  run(body: ModuleBody, optionsJson: string, spawnChild: () => ChildBody): string {
    try {
      printed.length = 0;
      forbiddenImport = () => null;
      const options = parse(optionsJson) as ProgramOptions;
      prng = new Prng((options.seed ^ RANDOM_SALT) >>> 0);
      const outcome = runProgram(
        body,
        options,
        spawnChild,
        (line) => {
          push.call(printed, line);
        },
        sealChildModule,
      );
      forbiddenImport = outcome.forbiddenImport;
      const redefined = redefinedGlobal();
      if (redefined !== null) {
        outcome.result.status = "error";
        outcome.result.value = null;
        outcome.result.error = redefinitionError(redefined);
      }
      return stringify({ result: outcome.result, outputExceeded: outcome.outputExceeded });
    } catch (error) {
      const failure: EntryFailure = { entryFailure: describe(error) };
      return stringify(failure);
    }
  },
  /** The lines printed before the run was stopped from outside, as JSON. */
  partial(): string {
    return stringify(printed);
  },
  /** After the promise jobs ran: the module the program tried to import, or "". */
  forbiddenImport(): string {
    return forbiddenImport() ?? "";
  },
  /**
   * Makes the context clean for the next run: removes the globals the program added. Returns
   * "" when clean, or why the context must not be reused.
   */
  reset(): string {
    try {
      printed.length = 0;
      const redefined = redefinedGlobal();
      if (redefined !== null) return redefinitionError(redefined).message;
      for (const key of ownKeys(theGlobal)) {
        if (!baselineGlobals.has(key) && !deleteProperty(theGlobal, key)) {
          return `the program defined a global that cannot be removed (${String(key).slice(0, 100)})`;
        }
      }
      return "";
    } catch (error) {
      return describe(error);
    }
  },
  /** Freezes a program's module-body function (kept for later runs of the same program). */
  sealBody(body: ModuleBody): void {
    freezeGraph([body]);
  },
  /** Math.random and the clock for a child process's context (installDeterminism there). */
  determinism,
});
