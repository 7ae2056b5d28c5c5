/**
 * The runtime bundle's entry: evaluated in each fresh QuickJS context before the program.
 *
 * It freezes the realm's built-ins (harden.ts), then hands the host one frozen object whose
 * `run(body, optionsJson)` runs the program's module body on the scheduler and returns the
 * RunResult as one JSON string. The bundle is wrapped by the generator so that this object is
 * the completion value of the script and is stored in no global: the host holds the only
 * reference, taken before any program code runs. Nothing here compiles: the host compiles
 * with @interleave/compiler and evaluates the wrapped module body itself.
 */
import type { OutputLine } from "@interleave/scheduler";
import { hardenRealm } from "./harden";
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

hardenRealm(globalThis);

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
      const options = parse(optionsJson) as ProgramOptions;
      const outcome = runProgram(body, options, spawnChild, (line) => {
        push.call(printed, line);
      });
      forbiddenImport = outcome.forbiddenImport;
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
});
