/**
 * multiprocessing.Process, with spawn semantics.
 *
 * start() creates a simulated process with its own GIL and a main thread whose first step
 * evaluates the program again in a fresh realm (realm.ts) with `__name__ === "__mp_main__"`,
 * looks the target up by name there and calls it with a structured copy of the arguments. So
 * a child never sees the parent's variables, and the parent never sees the child's: data
 * crosses only through multiprocessing queues, pipes, Values and Arrays. Processes run in
 * parallel on the virtual cores (cpu.ts). Left out: fork semantics, signals other than
 * terminate(), and a child's own child processes naming (they are named like any other).
 *
 * While a child imports the program it cannot start processes (CPython's bootstrapping error),
 * and a top-level time.sleep()/work() there cannot suspend the import midway (it is plain
 * code): they are noted and the child's main thread blocks in them, in order, right after the
 * import returns and before the target runs. So the target starts at the right virtual time,
 * but the import's own prints after such a call come out early.
 */
import { Coroutine } from "./coroutine";
import { RuntimeError, ValueError } from "./errors";
import { pyRepr } from "./format";
import { currentKernel, type Kernel } from "./kernel";
import { perform } from "./perform";
import type { Realm } from "./realm";
import { Op, type SimProcess, type SimThread } from "./sim-thread";
import { structuredCopy } from "./structured-copy";
import { DEFAULT_CORES } from "./thread-options";
import { timeoutNs } from "./threads";

/** Something a child process runs once it has imported the program: `fn(lookup)`. */
export type ChildMain = (lookup: (name: string) => unknown) => unknown;

function* spawnMain(realm: Realm, module: unknown, main: ChildMain): Generator<unknown, unknown, unknown> {
  const p = currentKernel().current.process;
  p.importing = true;
  let program: ReturnType<Realm["spawn"]>;
  try {
    program = realm.spawn(module);
  } finally {
    p.importing = false;
  }
  // Top-level time.sleep()/work() of the import block the child's main thread now, in order.
  for (let op = p.importBlocking.shift(); op !== undefined; op = p.importBlocking.shift()) yield op;
  const r = main((name) => program.lookup(name));
  return r instanceof Coroutine ? yield r : r;
}

/** A function's name for spawn; @throws ValueError for functions that have none (lambdas). */
export function pickleName(fn: unknown): string {
  if (typeof fn !== "function") throw new TypeError(`target must be a function, got ${pyRepr(fn)}`);
  if (fn.name === "" || fn.name === "anonymous") {
    throw new ValueError(
      "Can't pickle an anonymous function: a child process finds its target by name, so use a function declared at the top level",
    );
  }
  return fn.name;
}

/** The called function `name` from a child's program. @throws RuntimeError if it is missing. */
export function lookupFunction(
  lookup: (name: string) => unknown,
  name: string,
): (...a: unknown[]) => unknown {
  const f = lookup(name);
  if (typeof f !== "function") {
    throw new RuntimeError(
      `Can't get attribute '${name}' on <module '__mp_main__'>: a child process imports the program again and ` +
        `looks '${name}' up by name, so it must be a function at the program's top level (and returned by the ` +
        "program body, when the program is a function)",
    );
  }
  return f as (...a: unknown[]) => unknown;
}

/**
 * Arguments as a child sees them: a function among them is pickled by name, so the child gets
 * its own copy of that function (looked up in its own program), not the parent's closure.
 */
export function childArgs(args: readonly unknown[], lookup: (name: string) => unknown): unknown[] {
  return args.map((a) => (typeof a === "function" && a.name !== "" ? lookupFunction(lookup, a.name) : a));
}

/** CPython's error (spawn) for a process started while the child still imports the program. */
const BOOTSTRAPPING =
  "An attempt has been made to start a new process before the current process has finished its " +
  "bootstrapping phase. This probably means that you have forgotten to use the proper idiom in the " +
  'main module: start processes only under `if (__name__ === "__main__") { ... }`, which a child ' +
  "process, importing the program again as __mp_main__, skips.";

/**
 * Starts a simulated child process in `k` that imports the program and runs `main` there.
 * @throws RuntimeError when the run has no realm.
 */
export function spawnProcess(k: Kernel, name: string, daemon: boolean, main: ChildMain): SimProcess {
  const realm = k.options.realm;
  const childModule = k.world.childModule;
  if (realm === undefined || childModule === null) {
    throw new RuntimeError("this run cannot start processes: it has no realm to evaluate the program again");
  }
  if (k.current.process.importing) throw new RuntimeError(BOOTSTRAPPING);
  const p = k.newProcess(name);
  p.daemon = daemon;
  const module = childModule;
  p.module = module;
  const entry = new Coroutine("spawn_main", spawnMain as never, undefined, [realm, module, main]);
  const t = k.newThread("MainThread", p, false, false, entry);
  p.main = t;
  k.start(t);
  return p;
}

function processJoinExec(k: Kernel, t: SimThread, proc: unknown, timeout: unknown): void {
  const p = proc as SimProcess;
  if (p.exitcode !== null) k.resume(t, undefined);
  else if (p.main === t || t.process === p)
    k.resume(t, new RuntimeError("can only join a child process"), true);
  else k.block(t, p.joiners, `join(${p.name})`, p.main, timeout as number | null, undefined);
}

/** Options of a Process, as Python's Process(target=..., args=..., name=..., daemon=...). */
export interface ProcessInit {
  target?: ((...args: never[]) => unknown) | null;
  args?: readonly unknown[];
  name?: string;
  daemon?: boolean | null;
}

/** A process with its own memory and GIL (multiprocessing.Process). */
export class Process {
  #sim: SimProcess | null = null;
  #target: ((...args: never[]) => unknown) | null;
  #args: readonly unknown[];
  #name: string | null;
  #daemon: boolean;

  constructor(init: ProcessInit = {}) {
    this.#target = init.target ?? null;
    this.#args = [...(init.args ?? [])];
    this.#name = init.name === undefined ? null : String(init.name);
    this.#daemon = init.daemon ?? false;
  }

  /** Starts the process (spawn). @throws RuntimeError if started twice. */
  start(): void {
    if (this.#sim !== null) throw new RuntimeError("cannot start a process twice");
    const k = currentKernel();
    const targetName = this.#target === null ? null : pickleName(this.#target);
    const args = structuredCopy(this.#args);
    const name = this.#name ?? `Process-${k.nextId("process")}`;
    const p = spawnProcess(k, name, this.#daemon, (lookup) => {
      if (targetName === null) return undefined;
      return lookupFunction(lookup, targetName)(...childArgs(args, lookup));
    });
    this.#sim = p;
    this.#name = name;
  }

  /** Waits until the process ends, or `timeout` seconds. Awaited inside a thread. */
  join(timeout: number | null = null): undefined {
    const p = this.#sim;
    if (p === null) throw new RuntimeError("can only join a started process");
    return perform<undefined>(new Op("Process.join()", processJoinExec, p, timeoutNs(timeout)));
  }

  /** Ends the process at once (exit code -15, like SIGTERM); its threads stop where they are. */
  terminate(): void {
    const p = this.#sim;
    if (p === null || p.exitcode !== null) return;
    currentKernel().killProcess(p, -15);
  }

  /** True from start() until the process ends. */
  is_alive(): boolean {
    return this.#sim !== null && this.#sim.exitcode === null;
  }

  /** null while running; 0 on success, 1 if the target raised, -15 if terminated. */
  get exitcode(): number | null {
    return this.#sim?.exitcode ?? null;
  }

  /** The process id once started. */
  get pid(): number | null {
    return this.#sim?.pid ?? null;
  }

  /** The process's name (Process-N unless given). */
  get name(): string {
    return this.#name ?? "Process";
  }

  /** Daemon processes are terminated when the main program ends. */
  get daemon(): boolean {
    return this.#daemon;
  }

  set daemon(value: boolean) {
    if (this.#sim !== null) throw new RuntimeError("process has already started");
    this.#daemon = Boolean(value);
  }

  toString(): string {
    const p = this.#sim;
    const state = p === null ? "initial" : p.exitcode === null ? "started" : `stopped exitcode=${p.exitcode}`;
    return `<Process name='${this.name}' ${state}${this.#daemon ? " daemon" : ""}>`;
  }
}

/** What current_process() returns: the caller's process, by name and pid. */
export interface ProcessInfo {
  readonly name: string;
  readonly pid: number;
  readonly daemon: boolean;
}

/** The calling process (multiprocessing.current_process). */
export function current_process(): ProcessInfo {
  const p = currentKernel().current.process;
  return Object.freeze({ name: p.name, pid: p.pid, daemon: p.daemon });
}

/** The number of virtual cores (multiprocessing.cpu_count, os.cpu_count). */
export function cpu_count(): number {
  const k = currentKernel();
  return k.options.cores ?? DEFAULT_CORES;
}

/** Live child processes (multiprocessing.active_children), by name. */
export function active_children(): string[] {
  const k = currentKernel();
  return k.processes.filter((p) => p !== k.mainProcess && p.exitcode === null).map((p) => p.name);
}
