/** Options of the threads-and-processes part of a run (RuntimeOptions.threads). */
import type { Realm } from "./realm";
import type { StrategySpec } from "./strategies/strategy";

export interface ThreadOptions {
  /** Who runs next at each preemption point (default round-robin). */
  strategy?: StrategySpec;
  /** Virtual cores: processes run in parallel on them (default 4, multiprocessing.cpu_count()). */
  cores?: number;
  /** GIL switch interval in seconds (default 0.005, sys.getswitchinterval()). */
  switchInterval?: number;
  /** How a child process evaluates the program again (spawn). Default: re-run the body. */
  realm?: Realm;
}

export const DEFAULT_CORES = 4;
export const DEFAULT_SWITCH_INTERVAL = 0.005;
