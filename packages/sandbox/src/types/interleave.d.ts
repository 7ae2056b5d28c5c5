// biome-ignore-all lint/suspicious/noExplicitAny: the student-facing API defaults to any, as Python's is untyped.
// biome-ignore-all lint/suspicious/noThenProperty: futures are awaitable, so they declare then().
// biome-ignore-all lint/suspicious/noShadowRestrictedNames: multiprocessing.Array is Python's name.
/**
 * The module student programs import: `import { asyncio, threading, multiprocessing, time,
 * print, work } from "interleave"`. Hand-written to match @interleave/scheduler's module;
 * coroutine functions are typed as the async functions students write (they return promises),
 * and a call that blocks the calling thread is `Blocking<T>`: in the main thread it returns T,
 * in a thread target or a coroutine it is awaited.
 */
declare module "interleave" {
  /** T in the main thread; awaited (`await x`) inside a thread target or a coroutine. */
  export type Blocking<T> = T & PromiseLike<T>;
  /** What a coroutine function returns: a promise, to TypeScript. */
  export type Awaitable<T = unknown> = PromiseLike<T>;

  /** Prints the values separated by spaces, formatted as Python's str() does. */
  export function print(...values: unknown[]): void;
  /** CPU-bound work for `seconds` of virtual time; it holds the GIL of its process. */
  export function work(seconds: number): Blocking<void>;
  /** Python's repr() of a value. */
  export function repr(value: unknown): string;
  /** Python's str() of a value. */
  export function str(value: unknown): string;
  /** "__main__" in the program, "__mp_main__" when a child process imports it again. */
  export const __name__: "__main__" | "__mp_main__";

  export class PythonError extends Error {}
  export class ValueError extends PythonError {}
  export class RuntimeError extends PythonError {}
  export class KeyError extends PythonError {}
  export class ExceptionGroup extends PythonError {
    readonly exceptions: readonly unknown[];
    constructor(message: string, exceptions: readonly unknown[]);
  }

  export namespace time {
    /** Seconds since the epoch, in virtual time. */
    function time(): number;
    /** Virtual seconds since the run began. */
    function monotonic(): number;
    function perf_counter(): number;
    /** Blocks the calling thread; in a coroutine it stalls the whole event loop. */
    function sleep(seconds: number): Blocking<void>;
  }

  export namespace asyncio {
    class CancelledError extends PythonError {}
    class TimeoutError extends PythonError {}
    class InvalidStateError extends PythonError {}
    class QueueEmpty extends PythonError {}
    class QueueFull extends PythonError {}
    class BrokenBarrierError extends PythonError {}

    class Future<T = unknown> implements PromiseLike<T> {
      then<A = T, B = never>(
        onfulfilled?: ((value: T) => A | PromiseLike<A>) | null,
        onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
      ): PromiseLike<A | B>;
      done(): boolean;
      cancelled(): boolean;
      result(): T;
      exception(): unknown;
      set_result(result: T): void;
      set_exception(exception: unknown): void;
      cancel(msg?: string): boolean;
      add_done_callback(fn: (future: Future<T>) => unknown): void;
      remove_done_callback(fn: (future: Future<T>) => unknown): number;
      get_loop(): AbstractEventLoop;
    }
    class Task<T = unknown> extends Future<T> {
      get_name(): string;
      set_name(name: string): void;
      get_coro(): PromiseLike<T>;
      cancelling(): number;
      uncancel(): number;
    }
    interface Handle {
      cancel(): void;
      cancelled(): boolean;
    }
    /** The event loop's type (what get_running_loop() returns), for annotations. */
    type EventLoop = AbstractEventLoop;
    interface AbstractEventLoop {
      time(): number;
      create_future<T = unknown>(): Future<T>;
      create_task<T>(coro: PromiseLike<T>, options?: { name?: string }): Task<T>;
      call_soon(fn: (...args: any[]) => unknown, ...args: unknown[]): Handle;
      call_later(delay: number, fn: (...args: any[]) => unknown, ...args: unknown[]): Handle;
      call_at(when: number, fn: (...args: any[]) => unknown, ...args: unknown[]): Handle;
      run_in_executor<R>(
        executor: unknown,
        fn: (...args: any[]) => R | PromiseLike<R>,
        ...args: unknown[]
      ): Future<R>;
      is_running(): boolean;
      is_closed(): boolean;
      stop(): void;
    }

    /** Runs `main` on a new event loop until it completes; returns its result. */
    function run<T>(main: PromiseLike<T>, options?: { debug?: boolean }): T;
    function create_task<T>(coro: PromiseLike<T>, options?: { name?: string }): Task<T>;
    function sleep<T = void>(delay: number, result?: T): Promise<T>;
    function gather<T extends readonly unknown[]>(
      ...aws: T
    ): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }>;
    function gather(...aws: unknown[]): Promise<unknown[]>;
    function shield<T>(aw: PromiseLike<T>): Future<T>;
    function ensure_future<T>(aw: PromiseLike<T>): Future<T>;
    function current_task(): Task | null;
    function all_tasks(): Set<Task>;
    function get_running_loop(): AbstractEventLoop;
    function iscoroutine(value: unknown): boolean;
    function isfuture(value: unknown): boolean;
    function wait_for<T>(aw: PromiseLike<T>, timeout: number | null): Promise<T>;
    function wait<T>(
      aws: Iterable<PromiseLike<T>>,
      options?: { timeout?: number | null; return_when?: string },
    ): Promise<[Set<Future<T>>, Set<Future<T>>]>;
    function as_completed<T>(
      aws: Iterable<PromiseLike<T>>,
      options?: { timeout?: number | null },
    ): Iterable<Promise<T>>;
    function to_thread<R>(fn: (...args: any[]) => R | PromiseLike<R>, ...args: unknown[]): Promise<R>;
    const FIRST_COMPLETED: string;
    const FIRST_EXCEPTION: string;
    const ALL_COMPLETED: string;

    class Timeout {
      when(): number | null;
      reschedule(when: number | null): void;
      expired(): boolean;
    }
    /** A timeout `delay` seconds from now for `block`. */
    function timeout<R>(delay: number | null, block: (cm: Timeout) => PromiseLike<R> | R): Promise<R>;
    function timeout_at<R>(when: number | null, block: (cm: Timeout) => PromiseLike<R> | R): Promise<R>;

    class TaskGroup {
      /** Runs `block` with a new group; resolves once every task of the group is done. */
      static run<R>(block: (tg: TaskGroup) => PromiseLike<R> | R): Promise<R>;
      run<R>(block: (tg: TaskGroup) => PromiseLike<R> | R): Promise<R>;
      create_task<T>(coro: PromiseLike<T>, options?: { name?: string }): Task<T>;
    }

    class Lock {
      locked(): boolean;
      acquire(): Promise<boolean>;
      release(): void;
      /** Python's `async with lock:` — runs `block` holding the lock, releases it even on error. */
      with<R>(block: () => PromiseLike<R> | R): Promise<R>;
    }
    class Event {
      is_set(): boolean;
      set(): void;
      clear(): void;
      wait(): Promise<boolean>;
    }
    class Condition {
      constructor(lock?: Lock);
      locked(): boolean;
      acquire(): Promise<boolean>;
      release(): void;
      wait(): Promise<boolean>;
      wait_for<T>(predicate: () => T): Promise<T>;
      notify(n?: number): void;
      notify_all(): void;
      /** Python's `async with cond:` — runs `block` holding the condition's lock. */
      with<R>(block: () => PromiseLike<R> | R): Promise<R>;
    }
    class Semaphore {
      constructor(value?: number);
      locked(): boolean;
      acquire(): Promise<boolean>;
      release(): void;
      /** Python's `async with sem:` — runs `block` holding a permit. */
      with<R>(block: () => PromiseLike<R> | R): Promise<R>;
    }
    class BoundedSemaphore extends Semaphore {}
    class Barrier {
      constructor(parties: number);
      wait(): Promise<number>;
      reset(): Promise<void>;
      abort(): Promise<void>;
    }
    class Queue<T = any> {
      constructor(maxsize?: number);
      qsize(): number;
      empty(): boolean;
      full(): boolean;
      put(item: T): Promise<void>;
      put_nowait(item: T): void;
      get(): Promise<T>;
      get_nowait(): T;
      task_done(): void;
      join(): Promise<void>;
    }
    class PriorityQueue<T = any> extends Queue<T> {}
    class LifoQueue<T = any> extends Queue<T> {}
  }

  export namespace threading {
    interface ThreadInit {
      target?: ((...args: any[]) => unknown) | null;
      args?: readonly unknown[];
      name?: string;
      daemon?: boolean | null;
    }
    class Thread {
      constructor(init?: ThreadInit);
      readonly name: string;
      readonly daemon: boolean;
      readonly ident: number | null;
      /** Override in a subclass (an async method); by default calls target(...args). */
      run(): unknown;
      start(): void;
      join(timeout?: number | null): Blocking<void>;
      is_alive(): boolean;
    }
    class Lock {
      acquire(blocking?: boolean, timeout?: number | null): Blocking<boolean>;
      release(): void;
      locked(): boolean;
      /** Python's `with lock:` — runs `fn` holding the lock, releases it even on error. */
      with<R>(fn: () => R | PromiseLike<R>): Blocking<R>;
    }
    class RLock extends Lock {}
    class Condition {
      constructor(lock?: Lock | RLock | null);
      acquire(blocking?: boolean, timeout?: number | null): Blocking<boolean>;
      release(): void;
      wait(timeout?: number | null): Blocking<boolean>;
      /** Waits (releasing the lock) until `predicate()` is truthy; returns its last value. */
      wait_for<R>(predicate: () => R, timeout?: number | null): Blocking<R>;
      notify(n?: number): void;
      notify_all(): void;
      /** Python's `with cond:` — runs `fn` holding the condition's lock. */
      with<R>(fn: () => R | PromiseLike<R>): Blocking<R>;
    }
    class Semaphore {
      constructor(value?: number);
      acquire(blocking?: boolean, timeout?: number | null): Blocking<boolean>;
      release(n?: number): void;
      /** Python's `with sem:` — runs `fn` holding a permit. */
      with<R>(fn: () => R | PromiseLike<R>): Blocking<R>;
    }
    class BoundedSemaphore extends Semaphore {}
    class Event {
      is_set(): boolean;
      set(): void;
      clear(): void;
      wait(timeout?: number | null): Blocking<boolean>;
    }
    class Barrier {
      constructor(parties: number, action?: (() => unknown) | null, timeout?: number | null);
      wait(timeout?: number | null): Blocking<number>;
      reset(): void;
      abort(): void;
    }
    class BrokenBarrierError extends PythonError {}
    /** A memory cell shared by threads: each load and store is a preemption point. */
    class Shared<T = number> {
      constructor(initial: T, name?: string);
      readonly name: string;
      /** The value now, read without a preemption point (for after join()). */
      readonly value: T;
      load(): Blocking<T>;
      store(value: T): Blocking<void>;
      /** Atomically sets `value` and returns the old one. */
      exchange(value: T): Blocking<T>;
      add(n: number): Blocking<number>;
      compare_and_set(expected: T, next: T): Blocking<boolean>;
    }
    function shared<T>(initial: T, name?: string): Shared<T>;
    function current_thread(): Thread;
    function main_thread(): Thread;
    function enumerate(): Thread[];
    function active_count(): number;
    function get_ident(): number;
    function getswitchinterval(): number;
  }

  export namespace queue {
    class Empty extends PythonError {}
    class Full extends PythonError {}
    class Queue<T = any> {
      constructor(maxsize?: number);
      put(item: T, block?: boolean, timeout?: number | null): Blocking<void>;
      get(block?: boolean, timeout?: number | null): Blocking<T>;
      put_nowait(item: T): void;
      get_nowait(): T;
      task_done(): void;
      join(): Blocking<void>;
      qsize(): number;
      empty(): boolean;
      full(): boolean;
    }
    class LifoQueue<T = any> extends Queue<T> {}
    class PriorityQueue<T = any> extends Queue<T> {}
  }

  export namespace multiprocessing {
    interface ProcessInit {
      /** A function declared at the program's top level: the child finds it by name. */
      target?: ((...args: any[]) => unknown) | null;
      args?: readonly unknown[];
      name?: string;
      daemon?: boolean | null;
    }
    class Process {
      constructor(init?: ProcessInit);
      readonly name: string;
      readonly pid: number | null;
      readonly exitcode: number | null;
      readonly daemon: boolean;
      start(): void;
      join(timeout?: number | null): Blocking<void>;
      terminate(): void;
      is_alive(): boolean;
    }
    class Queue<T = any> extends queue.Queue<T> {
      close(): void;
      join_thread(): void;
    }
    class JoinableQueue<T = any> extends Queue<T> {}
    class Connection {
      send(obj: unknown): Blocking<void>;
      recv(): Blocking<any>;
      poll(timeout?: number | null): Blocking<boolean>;
      close(): void;
    }
    function Pipe(duplex?: boolean): [Connection, Connection];
    class Value<T = number> extends threading.Shared<T> {
      constructor(typecode: string, value: T, lock?: boolean);
      value: T;
      get_lock(): threading.RLock;
    }
    class Array<T = number> {
      constructor(typecode: string, init: number | readonly T[]);
      readonly length: number;
      get(i: number): T;
      set(i: number, value: T): void;
      load(i: number): Blocking<T>;
      store(i: number, value: T): Blocking<void>;
      get_lock(): threading.RLock;
    }
    class Lock extends threading.Lock {}
    class RLock extends threading.RLock {}
    class Semaphore extends threading.Semaphore {}
    class BoundedSemaphore extends threading.BoundedSemaphore {}
    class Event extends threading.Event {}
    class Condition extends threading.Condition {}
    class Barrier extends threading.Barrier {}
    class AsyncResult<T = unknown> {
      get(timeout?: number | null): Blocking<T>;
      wait(timeout?: number | null): Blocking<void>;
      ready(): boolean;
      successful(): boolean;
    }
    class Pool {
      constructor(processes?: number | null);
      map<A, R>(fn: (arg: A) => R | PromiseLike<R>, iterable: Iterable<A>): Blocking<R[]>;
      starmap<R>(
        fn: (...args: any[]) => R | PromiseLike<R>,
        iterable: Iterable<readonly unknown[]>,
      ): Blocking<R[]>;
      apply<R>(fn: (...args: any[]) => R | PromiseLike<R>, args?: readonly unknown[]): Blocking<R>;
      apply_async<R>(fn: (...args: any[]) => R | PromiseLike<R>, args?: readonly unknown[]): AsyncResult<R>;
      map_async<A, R>(fn: (arg: A) => R | PromiseLike<R>, iterable: Iterable<A>): AsyncResult<R[]>;
      close(): void;
      join(): Blocking<void>;
      terminate(): void;
    }
    function current_process(): { name: string; pid: number };
    function active_children(): string[];
    function cpu_count(): number;
  }

  export namespace concurrent.futures {
    class Future<T = unknown> {
      result(timeout?: number | null): Blocking<T>;
      exception(timeout?: number | null): Blocking<unknown>;
      done(): boolean;
      running(): boolean;
      cancelled(): boolean;
      cancel(): boolean;
      add_done_callback(fn: (future: Future<T>) => unknown): void;
    }
    class Executor {
      submit<R>(fn: (...args: any[]) => R | PromiseLike<R>, ...args: unknown[]): Future<R>;
      map<A, R>(fn: (arg: A) => R | PromiseLike<R>, iterable: Iterable<A>): Blocking<R[]>;
      /** Several iterables are zipped: fn(a[i], b[i], ...). */
      map<R>(fn: (...args: any[]) => R | PromiseLike<R>, ...iterables: Iterable<unknown>[]): Blocking<R[]>;
      shutdown(wait?: boolean, cancel_futures?: boolean): Blocking<void>;
      /** Python's `with Executor() as ex:` — runs `fn(ex)`, then shuts down and waits. */
      with<R>(fn: (ex: this) => R | PromiseLike<R>): Blocking<R>;
    }
    class ThreadPoolExecutor extends Executor {
      constructor(max_workers?: number | null, thread_name_prefix?: string);
    }
    class ProcessPoolExecutor extends Executor {
      constructor(max_workers?: number | null);
    }
    function as_completed<T>(fs: Iterable<Future<T>>, timeout?: number | null): Iterable<Future<T>>;
    function wait<T>(
      fs: Iterable<Future<T>>,
      timeout?: number | null,
      return_when?: string,
    ): Blocking<[Set<Future<T>>, Set<Future<T>>]>;
    const FIRST_COMPLETED: string;
    const ALL_COMPLETED: string;
    class TimeoutError extends PythonError {}
    class CancelledError extends PythonError {}
  }
}
