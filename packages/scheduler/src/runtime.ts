/**
 * The module a program imports: `import { asyncio, time, print, work } from "interleave"`.
 *
 * createRuntime() makes one run's world; execute() runs the program's body with that world
 * active and returns the run's result. The module is one frozen object shared by every run: its
 * functions find the run in progress through currentWorld(). Every object reachable
 * from the module is frozen (namespaces, classes and their prototypes), and the world (clock,
 * trace, output, limits) is reachable from none of them, so a program cannot rewrite the
 * runtime or its own record.
 */

import { to_thread } from "./asyncio-threads";
import { Barrier } from "./barrier";
import { sleepCall, workCall } from "./blocking";
import { nsToSeconds } from "./clock";
import { __coro, Coroutine, iscoroutine, Suspend } from "./coroutine";
import {
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
import { pyRepr, pyStr } from "./format";
import { Future, isfuture, runningLoop } from "./future";
import { Handle, TimerHeap } from "./handle";
import { EventLoop } from "./loop";
import { finishRun } from "./outcome";
import { ParkingLot } from "./parking-lot";
import { LifoQueue, PriorityQueue, Queue } from "./queues";
import { rerunRealm } from "./realm";
import type { RunResult } from "./result";
import { asyncioRun } from "./runner";
import { BoundedSemaphore, Condition, Event, Lock, Semaphore } from "./sync";
import { Task } from "./task";
import { TaskGroup } from "./task-group";
import {
  all_tasks,
  create_task,
  current_task,
  ensure_future,
  GatheringFuture,
  gather,
  SleepCoroutine,
  SleepFuture,
  shield,
  sleep,
} from "./tasks-api";
import { makeConcurrent, makeMultiprocessing, makeQueue, makeThreading } from "./thread-module";
import { Timeout, timeout, timeout_at } from "./timeout";
import { ALL_COMPLETED, as_completed, FIRST_COMPLETED, FIRST_EXCEPTION, wait, wait_for } from "./waiting";
import { ambient, currentWorld, World, type WorldOptions } from "./world";

/** time.time() at virtual time 0: 2026-01-01T00:00:00Z. */
export const EPOCH_SECONDS = 1_767_225_600;

/** Options of a run. */
export interface RuntimeOptions extends WorldOptions {
  /** The program's file name, to locate errors in stack traces (default "main.ts"). */
  filename?: string;
}

function freezeClass(cls: { prototype: object }): void {
  Object.freeze(cls.prototype);
  Object.freeze(cls);
}

for (const cls of [
  Coroutine,
  Future,
  Task,
  EventLoop,
  Handle,
  PythonError,
  CancelledError,
  TimeoutError,
  InvalidStateError,
  QueueEmpty,
  QueueFull,
  BrokenBarrierError,
  ValueError,
  RuntimeError,
  KeyError,
  ExceptionGroup,
  Lock,
  Event,
  Condition,
  Semaphore,
  BoundedSemaphore,
  Barrier,
  Queue,
  PriorityQueue,
  LifoQueue,
  Timeout,
  TaskGroup,
  // Internal classes a program can still reach (asyncio.sleep() returns a SleepCoroutine,
  // lock._lot is a ParkingLot ...): frozen too, so nothing of the runtime can be rewritten.
  SleepCoroutine,
  SleepFuture,
  GatheringFuture,
  ParkingLot,
  TimerHeap,
  Suspend,
]) {
  freezeClass(cls);
}

function makeAsyncio() {
  return Object.freeze({
    run: asyncioRun,
    create_task,
    sleep,
    gather,
    shield,
    ensure_future,
    current_task,
    all_tasks,
    get_running_loop: runningLoop,
    iscoroutine,
    to_thread,
    isfuture,
    wait,
    wait_for,
    as_completed,
    FIRST_COMPLETED,
    FIRST_EXCEPTION,
    ALL_COMPLETED,
    timeout,
    timeout_at,
    Timeout,
    TaskGroup,
    Future,
    Task,
    Lock,
    Event,
    Condition,
    Semaphore,
    BoundedSemaphore,
    Barrier,
    Queue,
    PriorityQueue,
    LifoQueue,
    CancelledError,
    TimeoutError,
    InvalidStateError,
    QueueEmpty,
    QueueFull,
    BrokenBarrierError,
  });
}

/** The asyncio namespace holds no per-run state, so every run shares one (frozen) copy. */
const ASYNCIO = makeAsyncio();

// The module's functions reach the run in progress through `currentWorld()`, so one frozen
// module serves every run (making one per run cost more than a small program's run itself).
const TIME = Object.freeze({
  /** Seconds since the epoch, in virtual time (starts at EPOCH_SECONDS). */
  time: () => EPOCH_SECONDS + nsToSeconds(currentWorld().clock.now),
  /** Virtual seconds since the run began. */
  monotonic: () => nsToSeconds(currentWorld().clock.now),
  /** Virtual seconds since the run began. */
  perf_counter: () => nsToSeconds(currentWorld().clock.now),
  /** Blocks the calling thread for `seconds`; in a coroutine it stalls the whole loop. */
  sleep: (seconds: number): void => sleepCall(currentWorld(), seconds),
});

/** The module a program imports as "interleave". */
export type InterleaveModule = ReturnType<typeof makeModule>;

function makeModule(name: string) {
  return Object.freeze({
    /** "__main__" in the program, "__mp_main__" when a child process imports it again. */
    __name__: name,
    asyncio: ASYNCIO,
    threading: makeThreading(),
    queue: makeQueue(),
    multiprocessing: makeMultiprocessing(),
    concurrent: makeConcurrent(),
    time: TIME,
    /** Prints its arguments separated by spaces, formatted as Python's str() does. */
    print: (...args: unknown[]): void => {
      currentWorld().print(args.map(pyStr).join(" "));
    },
    /** CPU-bound work for `seconds` of virtual time; in a coroutine it stalls the whole loop. */
    work: (seconds: number): void => workCall(currentWorld(), seconds),
    __coro,
    repr: pyRepr,
    str: pyStr,
    ValueError,
    RuntimeError,
    KeyError,
    TypeError,
    ExceptionGroup,
  });
}

const MAIN_MODULE = makeModule("__main__");
/** The module a child process imports: the same, with __name__ "__mp_main__". */
const CHILD_MODULE = makeModule("__mp_main__");

/** One run: its private world and the frozen module the program imports. */
export interface Runtime {
  readonly module: InterleaveModule;
  /** Runs the program's body (synchronously) and returns the run's result. */
  execute(body: () => unknown): RunResult;
}

/** Creates a runtime for one run of a program. */
export function createRuntime(options: RuntimeOptions = {}): Runtime {
  const world = new World(options);
  world.childModule = CHILD_MODULE;
  const module = MAIN_MODULE;
  const filename = options.filename ?? "main.ts";
  let used = false;
  return Object.freeze({
    module,
    execute(body: () => unknown): RunResult {
      if (used) throw new RuntimeError("a runtime runs one program once; create another");
      used = true;
      const previous = ambient.world;
      ambient.world = world;
      let value: unknown;
      let error: unknown;
      let failed = false;
      try {
        try {
          value = body();
        } catch (e) {
          failed = true;
          error = e;
        }
        // Like Python's interpreter shutdown: wait for non-daemon threads and processes.
        if (world.hooks !== null && world.aborted === null) {
          try {
            world.hooks.atExit();
          } catch (e) {
            if (!failed) {
              failed = true;
              error = e;
            }
          }
        }
      } finally {
        ambient.world = previous;
      }
      return finishRun(world, failed, value, error, filename);
    },
  });
}

/**
 * Runs a program and returns its result; never throws because the program failed.
 * @example const result = run(({ asyncio, print }) => asyncio.run(main()));
 */
export function run(body: (module: InterleaveModule) => unknown, options: RuntimeOptions = {}): RunResult {
  // A child process (spawn) runs the same body again with a module named "__mp_main__".
  const realm = options.threads?.realm ?? rerunRealm(body);
  const runtime = createRuntime({ ...options, threads: { ...options.threads, realm } });
  return runtime.execute(() => body(runtime.module));
}
