// biome-ignore-all assist/source/organizeImports: the public API is grouped by topic under headings.

// Running a program
export {
  createRuntime,
  EPOCH_SECONDS,
  type InterleaveModule,
  type Runtime,
  type RuntimeOptions,
  run,
} from "./runtime";
export { DEFAULT_LIMITS, type Limits } from "./world";

// The run's result
export { RESULT_VERSION } from "./result";
export type {
  Json,
  OutputLine,
  RunError,
  RunResult,
  RunStats,
  RunStatus,
  RunWarning,
  Schedule,
  TraceEvent,
  TraceKind,
  WaitingTask,
  WarningKind,
  BlockedThread,
  WaitForEdge,
} from "./result";

// Coroutines (what the compiler emits)
export { __coro, Coroutine, type CoroutineBody } from "./coroutine";

// asyncio: loop, futures, tasks
export { EventLoop } from "./loop";
export { Future } from "./future";
export { Handle } from "./handle";
export { Task } from "./task";
export { TaskGroup } from "./task-group";
export { Timeout } from "./timeout";
export { ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION, type ReturnWhen } from "./waiting";

// asyncio: synchronization and queues
export { BoundedSemaphore, Condition, Event, Lock, type LockStatistics, Semaphore } from "./sync";
export { Barrier } from "./barrier";
export { LifoQueue, PriorityQueue, Queue } from "./queues";

// Threads, processes, the GIL (the namespaces a program imports, for hosts and tests)
export { threading, queue, multiprocessing, concurrent } from "./thread-module";
export { Thread, type ThreadInit } from "./threads";
export { Shared } from "./shared-memory";
export { Process, type ProcessInit } from "./processes";
export { Pool, AsyncResult } from "./pool";
export { ThreadPoolExecutor, ProcessPoolExecutor } from "./executors";
export { DEFAULT_CORES, DEFAULT_SWITCH_INTERVAL, type ThreadOptions } from "./thread-options";
export { type ChildProgram, type Realm, rerunRealm } from "./realm";
export { markShared, structuredCopy } from "./structured-copy";

// Strategies, exploration and replay
export type { Candidate, ChoicePoint, Strategy, StrategySpec } from "./strategies/strategy";
export { DEFAULT_OPS_PER_SWITCH } from "./strategies/round-robin";
export { Prng } from "./strategies/prng";
export {
  backtrack,
  type Counterexample,
  explore,
  type ExploreOptions,
  type ExploreResult,
  type Program,
  type Property,
  replay,
} from "./explore";

// Errors
export {
  BrokenBarrierError,
  CancelledError,
  ExceptionGroup,
  InvalidStateError,
  KeyError,
  PythonError,
  QueueEmpty,
  QueueFull,
  RuntimeError,
  TimeoutError,
  ValueError,
} from "./errors";

// Python formatting
export { floatRepr, pyRepr, pyStr } from "./format";
