/** Messages between the browser client and its Web Worker. */
import type { RunResult } from "@interleave/scheduler";
import type { RunOptions } from "../sandbox";

/** The page asks the worker to run a program. */
export interface RunMessage {
  id: number;
  source: string;
  options: RunOptions;
}

/** The worker says a run started (its deadline counts from here), then gives its result or failure. */
export type ReplyMessage =
  | { id: number; started: true }
  | { id: number; result: RunResult }
  | { id: number; failure: string };

/** Set on the worker's global before it loads, to say where the QuickJS .wasm file is. */
export interface WorkerConfig {
  wasmLocation?: string;
}
