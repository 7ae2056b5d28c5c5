/**
 * The `threading` and `queue` namespaces a program imports from "interleave", frozen like the
 * rest of the module.
 */
import { BrokenBarrierError } from "./errors";
import { Shared, shared } from "./shared-memory";
import { Condition, Lock, RLock } from "./thread-locks";
import { DEFAULT_SWITCH_INTERVAL } from "./thread-options";
import { Empty, Full, LifoQueue, PriorityQueue, Queue } from "./thread-queue";
import { Barrier, BoundedSemaphore, Event, Semaphore } from "./thread-sync";
import { active_count, current_thread, enumerate, get_ident, main_thread, Thread } from "./threads";
import { currentWorld } from "./world";

const CLASSES = [
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
  return Object.freeze({
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
}

/** Python's queue module. */
export function makeQueue() {
  return Object.freeze({ Queue, LifoQueue, PriorityQueue, Empty, Full });
}
