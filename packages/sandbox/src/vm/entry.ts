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
 * for the next run is the global object (globals-reset.ts). `reset()` deletes the globals a run
 * added and reports a context it cannot clean (a non-configurable global, a replaced prototype),
 * which the host then throws away; `childReset()` makes the same cleaner for a child process's
 * realm. The bundle's module-level state (the scheduler's included) is reset by each run.
 */
import { createRuntime, EPOCH_SECONDS, type OutputLine, Prng } from "@interleave/scheduler";
import { installDeterminism, removeGcObservers } from "./determinism";
import { globalsReset, redefinitionCheck } from "./globals-reset";
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
const determinism = Object.freeze({ nowMs, originMs: EPOCH_MS, random: () => prng.next() });

removeGcObservers(globalThis);
installDeterminism(globalThis, determinism);
hardenRealm(globalThis);
// Every function, class and prototype a program can reach through the "interleave" module.
freezeGraph([runtimeModule]);
/**
 * A built-in global redefined in place, or null. QuickJS-ng refuses to redefine the frozen
 * globals; Bellard's QuickJS (the default build) lets `Object.defineProperty(globalThis, "Map",
 * { value })` through. The runtime is not steered by it (the bundle captured every global it
 * uses), but the run fails, as it would under QuickJS-ng, and reset() then retires the context.
 */
const redefinedGlobal = redefinitionCheck(globalThis);
/** Removes the globals a run added; reports a global object it cannot put back as it was. */
const resetGlobals = globalsReset(globalThis, redefinedGlobal);

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
        outcome.result.error = {
          type: "TypeError",
          message: `the program redefined the built-in global '${String(redefined).slice(0, 100)}', which is read-only`,
        };
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
    printed.length = 0;
    return resetGlobals();
  },
  /**
   * The cleaner of a child process's hardened, still clean realm (given its global object),
   * which the host calls after each run that used the child's context; see reset().
   */
  childReset(global: object): () => string {
    return globalsReset(global);
  },
  /** Freezes a program's module-body function (kept for later runs of the same program). */
  sealBody(body: ModuleBody): void {
    freezeGraph([body]);
  },
  /** Math.random and the clock for a child process's context (installDeterminism there). */
  determinism,
});
