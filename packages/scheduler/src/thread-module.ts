/**
 * The `threading`, `queue`, `multiprocessing` and `concurrent.futures` namespaces a program
 * imports from "interleave", frozen like the rest of the module.
 */
import { BrokenBarrierError, CancelledError, TimeoutError } from "./errors";
import {
  ALL_COMPLETED,
  as_completed,
  FIRST_COMPLETED,
  Future,
  ProcessPoolExecutor,
  ThreadPoolExecutor,
  wait,
} from "./executors";
import { Connection, JoinableQueue, Pipe, Queue as ProcessQueue, SharedArray, Value } from "./mp-shared";
import { AsyncResult, Pool } from "./pool";
import { active_children, cpu_count, current_process, Process } from "./processes";
import { Shared, shared } from "./shared-memory";
import { markShared } from "./structured-copy";
import { Condition, Lock, RLock } from "./thread-locks";
import { DEFAULT_SWITCH_INTERVAL } from "./thread-options";
import { Empty, Full, LifoQueue, PriorityQueue, Queue } from "./thread-queue";
import { Barrier, BoundedSemaphore, Event, Semaphore } from "./thread-sync";
import { active_count, current_thread, enumerate, get_ident, main_thread, Thread } from "./threads";
import { currentWorld } from "./world";

/** multiprocessing's locks: the threading ones, shared with child processes as themselves. */
class ProcessLock extends Lock {
  constructor() {
    super();
    markShared(this);
  }
}
class ProcessRLock extends RLock {
  constructor() {
    super();
    markShared(this);
  }
}
class ProcessSemaphore extends Semaphore {
  constructor(value = 1) {
    super(value);
    markShared(this);
  }
}
class ProcessBoundedSemaphore extends BoundedSemaphore {
  constructor(value = 1) {
    super(value);
    markShared(this);
  }
}
class ProcessEvent extends Event {
  constructor() {
    super();
    markShared(this);
  }
}
class ProcessCondition extends Condition {
  constructor(lock: Lock | RLock | null = null) {
    super(lock ?? new ProcessRLock());
    markShared(this);
  }
}
class ProcessBarrier extends Barrier {
  constructor(parties: number, action: (() => unknown) | null = null, timeout: number | null = null) {
    super(parties, action, timeout);
    markShared(this);
  }
}

const CLASSES = [
  ProcessLock,
  ProcessRLock,
  ProcessSemaphore,
  ProcessBoundedSemaphore,
  ProcessEvent,
  ProcessCondition,
  ProcessBarrier,
  Process,
  ProcessQueue,
  JoinableQueue,
  Connection,
  Value,
  SharedArray,
  Pool,
  AsyncResult,
  Future,
  ThreadPoolExecutor,
  ProcessPoolExecutor,
  Thread,
  Lock,
  RLock,
  Condition,
  Semaphore,
  BoundedSemaphore,
  Event,
  Barrier,
  Shared,
  Queue,
  LifoQueue,
  PriorityQueue,
  Empty,
  Full,
];
for (const cls of CLASSES) {
  Object.freeze(cls.prototype);
  Object.freeze(cls);
}

/** Python's threading module (plus shared memory cells). */
export function makeThreading() {
  return threadingNamespace;
}

const threadingNamespace = Object.freeze({
  Thread,
  Lock,
  RLock,
  Condition,
  Semaphore,
  BoundedSemaphore,
  Event,
  Barrier,
  BrokenBarrierError,
  Shared,
  shared,
  current_thread,
  main_thread,
  enumerate,
  active_count,
  get_ident,
  /** The GIL switch interval in seconds (sys.getswitchinterval). */
  getswitchinterval: (): number => currentWorld().threadOptions.switchInterval ?? DEFAULT_SWITCH_INTERVAL,
});

/** Python's queue module. */
export function makeQueue() {
  return queueNamespace;
}

const queueNamespace = Object.freeze({ Queue, LifoQueue, PriorityQueue, Empty, Full });

/** Python's multiprocessing module. */
export function makeMultiprocessing() {
  return multiprocessingNamespace;
}

const multiprocessingNamespace = Object.freeze({
  Process,
  Queue: ProcessQueue,
  JoinableQueue,
  Pipe,
  Value,
  Array: SharedArray,
  Lock: ProcessLock,
  RLock: ProcessRLock,
  Semaphore: ProcessSemaphore,
  BoundedSemaphore: ProcessBoundedSemaphore,
  Event: ProcessEvent,
  Condition: ProcessCondition,
  Barrier: ProcessBarrier,
  Pool,
  current_process,
  active_children,
  cpu_count,
});

/** Python's concurrent package: concurrent.futures. */
export function makeConcurrent() {
  return concurrentNamespace;
}

const concurrentNamespace = Object.freeze({
  futures: Object.freeze({
    ThreadPoolExecutor,
    ProcessPoolExecutor,
    Future,
    as_completed,
    wait,
    FIRST_COMPLETED,
    ALL_COMPLETED,
    TimeoutError,
    CancelledError,
  }),
});

/** The namespaces themselves (for hosts and tests; programs get them from the module). */
export const threading = threadingNamespace;
export const queue = queueNamespace;
export const multiprocessing = multiprocessingNamespace;
export const concurrent = concurrentNamespace;
