/**
 * Runs one compiled program on the scheduler: the part of a run that is the same in every host.
 *
 * The QuickJS entry (entry.ts) calls runProgram inside the VM; the cross-host tests call it
 * directly in Node. It builds the runtime, gives the program a `require` that resolves
 * "interleave" and nothing else, counts printed characters against the output limit, gives
 * child processes a realm that evaluates the program again (spawn), and turns whatever happens
 * into a RunResult. It never throws because the program failed.
 */
import {
  createRuntime,
  type InterleaveModule,
  type OutputLine,
  type RunResult,
  type RuntimeOptions,
} from "@interleave/scheduler";

/** The module body the compiler produces, wrapped as a function (see wrapAsFunctionBody). */
export type ModuleBody = (
  require: (name: string) => unknown,
  exports: Record<string, unknown>,
  module: { exports: Record<string, unknown> },
  coro: InterleaveModule["__coro"],
) => unknown;

/** Threads, processes and strategies of a run, as the scheduler takes them. */
export type ThreadOptions = NonNullable<RuntimeOptions["threads"]>;
type Realm = NonNullable<ThreadOptions["realm"]>;
/** A strategy that can cross into the VM as JSON (any but "custom"). */
export type StrategyOption = Exclude<NonNullable<ThreadOptions["strategy"]>, { kind: "custom" }>;

/**
 * A module body evaluated again for a child process; it returns a function that looks a
 * top-level binding of the program up by name (see childSource).
 */
export type ChildBody = (...args: Parameters<ModuleBody>) => unknown;

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
  strategy?: StrategyOption;
  cores?: number;
  switchInterval?: number;
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
  /**
   * The first module other than "interleave" the program tried to import, if any. A function:
   * a dynamic import() resolves in a promise job, after the run's result was made.
   */
  forbiddenImport: () => string | null;
}

/** Longest error message or stack kept in a result (characters). */
const MAX_ERROR_CHARS = 10_000;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * The source a child process evaluates: the program's compiled code, followed by a function
 * that looks its top-level bindings up by name (direct eval sees the module body's scope; the
 * name is checked to be an identifier first).
 */
export function childSource(code: string): string {
  return `${code}\n;return (__interleave_name) => eval(__interleave_name);`;
}

/**
 * Checks that what the program threw can be described without running into its traps (a
 * getter that throws, a Proxy, a toString that throws); otherwise replaces it with an Error
 * that says so. Traps that loop are stopped by the deadline like any loop.
 */
function readable(thrown: unknown, str: (value: unknown) => string): unknown {
  try {
    if (thrown instanceof Error) {
      void String(thrown.name);
      void String(thrown.message);
      void thrown.stack;
    } else {
      void str(thrown);
    }
    return thrown;
  } catch (inner) {
    let why = "";
    try {
      why = inner instanceof Error ? `${String(inner.name)}: ${String(inner.message)}` : "";
    } catch {}
    const error = new Error(
      "The program raised a value that cannot be read: looking at it raised another error" +
        (why === "" ? "." : ` (${why.slice(0, 200)}).`),
    );
    error.name = "UnreadableError";
    return error;
  }
}

function capError(result: RunResult): RunResult {
  const error = result.error;
  if (error === null) return result;
  if (error.message.length > MAX_ERROR_CHARS) error.message = `${error.message.slice(0, MAX_ERROR_CHARS)}...`;
  if (error.stack !== undefined && error.stack.length > MAX_ERROR_CHARS) {
    error.stack = error.stack.slice(0, MAX_ERROR_CHARS);
  }
  return result;
}

function moduleNotFound(name: string): Error {
  return new Error(
    `Cannot find module '${name}'. Programs here can import only "interleave" (the course's ` +
      "runtime): Node's modules, npm packages and the network are not available.",
  );
}

/**
 * The output line print() just added, as the host will need it if the run is stopped before
 * the scheduler reports (a deadline or memory stop unwinds past it). It must not change the run.
 */
function describeLine(api: InterleaveModule, text: string): OutputLine {
  const line: OutputLine = { time: api.time.monotonic(), task: null, text };
  try {
    line.task = api.asyncio.current_task()?.get_name() ?? null;
  } catch {
    // No running event loop: printed outside any task.
  }
  // The thread is left out: asking for it (current_thread()) starts the threads kernel, which
  // would change the run itself.
  return line;
}

/**
 * The run's value: what the program exports as default (`export default answer;`), read when
 * its module body has run; undefined when it exports none. A getter that throws is the
 * program's error, as if the program had thrown it.
 */
export function programValue(module: { exports: unknown }): unknown {
  const exports = module.exports;
  if ((typeof exports !== "object" && typeof exports !== "function") || exports === null) return undefined;
  return (exports as { default?: unknown }).default;
}

/** The error of a run that tried to import a module other than "interleave". */
export function importError(name: string): { type: string; message: string } {
  return { type: "ImportError", message: moduleNotFound(name).message };
}

/**
 * Runs `body` as the program's main thread and returns its result. `spawnChild`, when given,
 * evaluates the program again in a fresh realm for a child process and returns its ChildBody;
 * `seal` is called with the module a child imports before the child's code sees it.
 */
export function runProgram(
  body: ModuleBody,
  options: ProgramOptions,
  spawnChild?: () => ChildBody,
  onPrint?: (line: OutputLine) => void,
  seal?: (module: unknown) => void,
): ProgramOutcome {
  let printed = 0;
  let outputExceeded = false;
  let forbiddenImport: string | null = null;
  const maxChars = options.maxOutputChars;

  /** The module with print() counting characters against the output limit. */
  const counted = (api: InterleaveModule): InterleaveModule => {
    const str = api.str;
    const print = api.print;
    return Object.freeze({
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
        if (onPrint !== undefined) onPrint(describeLine(api, text));
      },
    });
  };
  const requireFor = (module: InterleaveModule) => (name: string) => {
    if (name === "interleave") return module;
    forbiddenImport ??= String(name);
    throw moduleNotFound(String(name));
  };

  const threads: ThreadOptions = {};
  if (options.strategy !== undefined) threads.strategy = options.strategy;
  if (options.cores !== undefined) threads.cores = options.cores;
  if (options.switchInterval !== undefined) threads.switchInterval = options.switchInterval;
  if (spawnChild !== undefined) {
    const realm: Realm = {
      spawn(childModule: unknown) {
        seal?.(childModule);
        const module = counted(childModule as InterleaveModule);
        const exports: Record<string, unknown> = {};
        const lookup = spawnChild()(requireFor(module), exports, { exports }, module.__coro);
        return {
          lookup(name: string): unknown {
            if (typeof lookup !== "function" || !IDENTIFIER.test(name)) return undefined;
            try {
              return lookup(name);
            } catch {
              return undefined; // not declared: the scheduler explains what a child cannot find
            }
          },
        };
      },
    };
    threads.realm = realm;
  }

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
    threads,
  });
  const main = counted(runtime.module);
  const module = { exports: {} as Record<string, unknown> };
  const result = runtime.execute(() => {
    try {
      body(requireFor(main), module.exports, module, main.__coro);
    } catch (thrown) {
      throw readable(thrown, main.str);
    }
    return programValue(module);
  });
  if (forbiddenImport !== null && result.status === "ok") {
    // Swallowed (e.g. a dynamic import whose rejection nobody awaited): the run still fails.
    result.status = "error";
    result.error = importError(forbiddenImport);
  }
  return { result: capError(result), outputExceeded, forbiddenImport: () => forbiddenImport };
}
