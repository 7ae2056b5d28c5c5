/**
 * Runs one compiled program on the scheduler: the part of a run that is the same in every host.
 *
 * The QuickJS entry (entry.ts) calls runProgram inside the VM; the cross-host tests call it
 * directly in Node. It builds the runtime, gives the program a `require` that resolves
 * "interleave" and nothing else, counts printed characters against the output limit, and turns
 * whatever happens into a RunResult. It never throws because the program failed.
 */
import { createRuntime, type InterleaveModule, type RunResult } from "@interleave/scheduler";

/** The module body the compiler produces, wrapped as a function (see wrapAsFunctionBody). */
export type ModuleBody = (
  require: (name: string) => unknown,
  exports: Record<string, unknown>,
  module: { exports: Record<string, unknown> },
  coro: InterleaveModule["__coro"],
) => unknown;

/** What one run needs besides the program: plain data, so it can cross into the VM as JSON. */
export interface ProgramOptions {
  filename: string;
  seed: number;
  /** Record the trace (default true). */
  trace?: boolean;
  maxSteps: number;
  maxVirtualSeconds: number;
  maxOutputLines: number;
  maxTraceEvents: number;
  maxOutputChars: number;
}

/** Thrown by print() once the output limit is reached; the run ends with status "limit". */
class OutputLimitExceeded extends Error {
  constructor(limit: number) {
    super(`The program printed more than ${limit} characters.`);
    this.name = "OutputLimitExceeded";
  }
}

/** The sandbox's verdict on top of the scheduler's, when a sandbox limit was reached in the VM. */
export interface ProgramOutcome {
  result: RunResult;
  /** Set when the program printed more than maxOutputChars. */
  outputExceeded: boolean;
}

function moduleNotFound(name: string): Error {
  return new Error(
    `Cannot find module '${name}'. Programs here can import only "interleave" (the course's ` +
      "runtime): Node's modules, npm packages and the network are not available.",
  );
}

/** Runs `body` as the program's main thread and returns its result. */
export function runProgram(body: ModuleBody, options: ProgramOptions): ProgramOutcome {
  const runtime = createRuntime({
    filename: options.filename,
    seed: options.seed,
    trace: options.trace ?? true,
    limits: {
      maxSteps: options.maxSteps,
      maxTime: options.maxVirtualSeconds,
      maxOutputLines: options.maxOutputLines,
      maxTraceEvents: options.maxTraceEvents,
    },
  });
  const api = runtime.module;
  const maxChars = options.maxOutputChars;
  let printed = 0;
  let outputExceeded = false;
  const str = api.str;
  const print = api.print;
  const module = Object.freeze({
    ...api,
    print: (...args: unknown[]): void => {
      if (outputExceeded) throw new OutputLimitExceeded(maxChars);
      let text = "";
      for (let i = 0; i < args.length; i++) text += (i === 0 ? "" : " ") + str(args[i]);
      printed += text.length + 1;
      if (printed > maxChars) {
        outputExceeded = true;
        throw new OutputLimitExceeded(maxChars);
      }
      print(text);
    },
  });
  const require = (name: string): unknown => {
    if (name === "interleave") return module;
    throw moduleNotFound(String(name));
  };
  const exports: Record<string, unknown> = {};
  const result = runtime.execute(() => body(require, exports, { exports }, api.__coro));
  return { result, outputExceeded };
}
