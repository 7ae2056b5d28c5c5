// Running a program

// asyncio primitives and helpers
export { Barrier } from "./barrier";
// Coroutines (the compiler's target)
export { __coro, Coroutine, type CoroutineBody } from "./coroutine";
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
// asyncio objects
export { Future } from "./future";
export { Handle } from "./handle";
export { EventLoop } from "./loop";
export { LifoQueue, PriorityQueue, Queue } from "./queues";
// The run's result
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
} from "./result";
export { RESULT_VERSION } from "./result";
export {
  createRuntime,
  EPOCH_SECONDS,
  type InterleaveModule,
  type Runtime,
  type RuntimeOptions,
  run,
} from "./runtime";
export { BoundedSemaphore, Condition, Event, Lock, type LockStatistics, Semaphore } from "./sync";
export { Task } from "./task";
export { TaskGroup } from "./task-group";
export { Timeout } from "./timeout";
export { ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION, type ReturnWhen } from "./waiting";
export { DEFAULT_LIMITS, type Limits } from "./world";
