/**
 * The browser host: createBrowserSandbox() runs programs in a module Web Worker and returns
 * the same RunResult as the Node host. cancel() terminates the worker (the only way to stop
 * code that is running) and starts a fresh one for the next run; so does a run that has not
 * answered by its deadline plus a grace period (a long built-in call no interrupt can stop).
 */
import type { RunResult } from "@interleave/scheduler";
import { RunCancelledError, SandboxDisposedError } from "../errors";
import { resolveLimits, STOP_TYPES, stopMessage } from "../limits";
import { emptyResult } from "../result";
import type { RunOptions } from "../sandbox";
import type { ReplyMessage, RunMessage } from "./protocol";

/** Options of the browser sandbox. */
export interface BrowserSandboxOptions {
  /** Creates the worker (default: the package's worker.ts as a module worker). */
  createWorker?: () => Worker;
  /** Extra time past a run's deadline before its worker is terminated (default 1000 ms). */
  graceMs?: number;
}

/** Runs programs in a Web Worker. */
export interface BrowserSandbox {
  /** Compiles and runs `source`; resolves to its result (rejects with RunCancelledError on cancel). */
  run(source: string, options?: RunOptions): Promise<RunResult>;
  /** Stops every queued and running run: their promises reject with RunCancelledError. */
  cancel(): void;
  /** Terminates the worker; runs after this throw SandboxDisposedError. */
  dispose(): void;
}

interface Pending {
  resolve(result: RunResult): void;
  reject(error: Error): void;
  /** Starts the watchdog once the worker says the run started. */
  watch(): void;
  timer: ReturnType<typeof setTimeout> | undefined;
}

function defaultWorker(): Worker {
  return new Worker(new URL("./worker.ts", import.meta.url), { type: "module" });
}

/** Starts a browser sandbox (the worker loads QuickJS in the background). */
export function createBrowserSandbox(options: BrowserSandboxOptions = {}): BrowserSandbox {
  const createWorker = options.createWorker ?? defaultWorker;
  const graceMs = options.graceMs ?? 1_000;
  const pending = new Map<number, Pending>();
  let worker: Worker | null = null;
  let nextId = 1;
  let disposed = false;

  const onMessage = (event: MessageEvent<ReplyMessage>) => {
    const reply = event.data;
    const p = pending.get(reply.id);
    if (p === undefined) return;
    if ("started" in reply) {
      p.watch();
      return;
    }
    pending.delete(reply.id);
    clearTimeout(p.timer);
    if ("result" in reply) p.resolve(reply.result);
    else p.reject(new Error(`the sandbox worker failed: ${reply.failure}`));
  };

  const start = (): Worker => {
    if (worker === null) {
      worker = createWorker();
      worker.addEventListener("message", onMessage);
    }
    return worker;
  };

  /** Terminates the worker; every pending run settles with `settle`. */
  const restart = (settle: (p: Pending) => void) => {
    worker?.terminate();
    worker = null;
    const all = [...pending.values()];
    pending.clear();
    for (const p of all) {
      clearTimeout(p.timer);
      settle(p);
    }
  };

  return {
    run(source: string, runOptions: RunOptions = {}): Promise<RunResult> {
      if (disposed) return Promise.reject(new SandboxDisposedError("BrowserSandbox"));
      const limits = resolveLimits(runOptions.limits);
      const id = nextId++;
      const message: RunMessage = { id, source, options: runOptions };
      return new Promise<RunResult>((resolve, reject) => {
        const entry: Pending = {
          resolve,
          reject,
          timer: undefined,
          watch() {
            entry.timer = setTimeout(() => {
              const { type, status } = STOP_TYPES.deadline;
              const error = { type, message: stopMessage("deadline", limits) };
              // The worker is stuck in one call: replace it; the runs queued behind it are cancelled.
              pending.delete(id);
              restart((p) => p.reject(new RunCancelledError()));
              resolve(emptyResult(status, error, runOptions.seed ?? 0));
            }, limits.deadlineMs + graceMs);
          },
        };
        pending.set(id, entry);
        start().postMessage(message);
      });
    },
    cancel(): void {
      restart((p) => p.reject(new RunCancelledError()));
    },
    dispose(): void {
      disposed = true;
      restart((p) => p.reject(new SandboxDisposedError("BrowserSandbox")));
    },
  };
}
