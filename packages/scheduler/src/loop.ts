/**
 * The event loop: a FIFO ready queue of callbacks and a timer heap, in virtual time.
 *
 * `_runPasses()` runs CPython's BaseEventLoop._run_once, pass for pass:
 *   1. if nothing is ready, jump the virtual clock to the earliest timer's deadline
 *      (a real loop would sleep in select(); with nothing ready and no timer, the world
 *      decides: in part 1 that is a deadlock);
 *   2. move every timer that is due into the ready queue, in (deadline, insertion) order;
 *   3. run the callbacks that were ready when the pass began, in order; what they make ready
 *      waits for the next pass.
 * Matching CPython's passes is what makes printed orders match CPython's.
 */
import { runInExecutor } from "./asyncio-threads";
import { checkSeconds, nsToSeconds, secondsToNs } from "./clock";
import type { Coroutine } from "./coroutine";
import { RunAborted, RuntimeError } from "./errors";
import type { Executor } from "./executors";
import { pyRepr } from "./format";
import { Future } from "./future";
import { type Callback, Handle, TimerHeap } from "./handle";
import type { WaitingTask } from "./result";
import { Task, type TaskOptions } from "./task";
import { ambient, type World } from "./world";

/** Cancelled timers are purged from the heap once they are this many and half of it. */
const PURGE_MIN = 100;

/**
 * Whether a task alone on sleep(0) may take the loop's next pass itself (task.ts). Off only in
 * the tests that check it changes nothing (determinism.test.ts); read once per pass.
 */
export const sleep0Shortcut = { enabled: true };

function callUserCallback(fn: unknown, args: unknown): void {
  (fn as (...a: unknown[]) => void)(...(args as unknown[]));
}

/** run_until_complete's done-callback: stop the loop (at the end of this pass). */
function stopWhenDone(fut: Future): void {
  fut._loop._stopping = true;
}

/** The run a loop belongs to; set by EventLoop's static block. */
let worldOfLoop: (loop: EventLoop) => World;

/**
 * The World (the run's clock, output, trace and counters) of `loop`. A private field, reached
 * only through this function: programs hold loops, tasks and futures, and a public field would
 * let them rewrite their own output, time and stats, and so their grade.
 */
export function worldOf(loop: EventLoop): World {
  return worldOfLoop(loop);
}

/** An asyncio event loop running in virtual time. */
export class EventLoop {
  readonly #world: World;
  static {
    worldOfLoop = (loop) => loop.#world;
  }
  /**
   * The callbacks ready for the next pass, in order (asyncio's `_ready`), and a spare array:
   * a pass swaps them, so what its callbacks schedule lands in the other one and waits for the
   * next pass. Plain arrays: appending and indexing are single operations in an interpreter.
   */
  _ready: Handle[] = [];
  _spare: Handle[] = [];
  /** The pass running (or the last one) has one callback: a task's step may take the next (task.ts). */
  _single = false;
  readonly _timers = new TimerHeap();
  _cancelledTimers = 0;
  _seq = 0;
  _stopping = false;
  _running = false;
  _closed = false;
  /** The task whose step is running on this loop. */
  _current: Task | null = null;
  /**
   * Tasks not yet done, in creation order (all_tasks), as a list threaded through the tasks
   * themselves (`_prevLive`/`_nextLive`): no set entry per task.
   */
  _firstLive: Task | null = null;
  _lastLive: Task | null = null;
  /** run_in_executor's default executor, made on first use (asyncio-threads.ts). */
  _defaultExecutor: Executor | null = null;

  constructor(world: World) {
    this.#world = world;
  }

  /** The loop's clock: virtual seconds. */
  time(): number {
    const clock = this.#world.clock;
    clock.tick++;
    return nsToSeconds(clock.now);
  }

  /** Schedules `fn(...args)` for the next loop pass. */
  call_soon(fn: (...args: never[]) => unknown, ...args: unknown[]): Handle {
    this._checkCallable(fn, "call_soon");
    return this._callSoon(callUserCallback, fn, args);
  }

  /** Schedules `fn(...args)` after `delay` seconds. */
  call_later(delay: number, fn: (...args: never[]) => unknown, ...args: unknown[]): Handle {
    checkSeconds(delay, "delay");
    this._checkCallable(fn, "call_later");
    return this._callLater(secondsToNs(delay), callUserCallback, fn, args);
  }

  /** Schedules `fn(...args)` at loop time `when` (seconds). */
  call_at(when: number, fn: (...args: never[]) => unknown, ...args: unknown[]): Handle {
    checkSeconds(when, "when");
    this._checkCallable(fn, "call_at");
    return this._callAt(secondsToNs(when), callUserCallback, fn, args);
  }

  /**
   * Runs `fn(...args)` on `executor` (null: the loop's default ThreadPoolExecutor) and returns
   * a Future the loop can await without blocking.
   */
  run_in_executor(executor: Executor | null, fn: (...args: never[]) => unknown, ...args: unknown[]): Future {
    this._checkCallable(fn, "run_in_executor");
    return runInExecutor(this, executor, fn, args);
  }

  /** A new Future bound to this loop. */
  create_future<T = unknown>(): Future<T> {
    return new Future<T>(this);
  }

  /** Wraps `coro` in a Task scheduled on this loop. */
  create_task<T>(coro: Coroutine<T>, options: TaskOptions = {}): Task<T> {
    this._checkClosed();
    return new Task<T>(coro, { ...options, loop: this });
  }

  /** True while the loop runs. */
  is_running(): boolean {
    return this._running;
  }

  /** True once the loop is closed. */
  is_closed(): boolean {
    return this._closed;
  }

  /** Stops the loop after the current pass. */
  stop(): void {
    this._stopping = true;
  }

  toString(): string {
    return `<EventLoop running=${this._running ? "True" : "False"} closed=${this._closed ? "True" : "False"}>`;
  }

  _checkCallable(fn: unknown, what: string): void {
    this._checkClosed();
    if (typeof fn !== "function")
      throw new TypeError(`${what}(): a function was expected, got ${pyRepr(fn)}`);
  }

  _checkClosed(): void {
    if (this._closed) throw new RuntimeError("Event loop is closed");
  }

  /** Internal call_soon: `fn(a, b)` next pass. */
  _callSoon(fn: Callback, a: unknown, b: unknown): Handle {
    const h = new Handle(fn, a, b, -1, 0, null);
    this._ready.push(h);
    return h;
  }

  /** Internal call_at: `fn(a, b)` at virtual time `whenNs` (computed at clock tick `tick`). */
  _callAt(whenNs: number, fn: Callback, a: unknown, b: unknown, tick = ambient.world!.clock.tick): Handle {
    const h = new Handle(fn, a, b, whenNs, this._seq++, this);
    h._tick = tick;
    h._scheduled = true;
    this._timers.push(h);
    return h;
  }

  /** Schedules a timer handle that has left the heap again, in `delayNs`, with new arguments. */
  _callLaterAgain(h: Handle, delayNs: number, a: unknown, b: unknown): void {
    const clock = ambient.world!.clock;
    clock.tick++;
    h._when = clock.now + delayNs;
    h._tick = clock.tick;
    h._seq = this._seq++;
    h._a = a;
    h._b = b;
    h._cancelled = false;
    h._scheduled = true;
    this._timers.push(h);
  }

  /** Internal call_later: `fn(a, b)` in `delayNs`; reads the clock, as call_later does. */
  _callLater(delayNs: number, fn: Callback, a: unknown, b: unknown): Handle {
    const clock = ambient.world!.clock;
    clock.tick++;
    return this._callAt(clock.now + delayNs, fn, a, b, clock.tick);
  }

  _timerCancelled(_handle: Handle): void {
    this._cancelledTimers++;
  }

  /** Runs passes until stop() (BaseEventLoop.run_forever). */
  _runForever(): void {
    this._checkClosed();
    if (this._running) throw new RuntimeError("This event loop is already running");
    const thread = this.#world.thread;
    const previous = thread.loop;
    this._running = true;
    thread.loop = this;
    try {
      this._runPasses();
    } finally {
      this._stopping = false;
      this._running = false;
      thread.loop = previous;
    }
  }

  /**
   * Passes of the loop (BaseEventLoop._run_once, pass after pass) until stop(). One function,
   * not a call per pass, with what no pass changes (the world, the timer heap, the clock) read
   * once: with a task switching by sleep(0), every switch is a pass.
   */
  _runPasses(): void {
    // The run's world is this loop's (worldOf); on the hot paths it is read from the run's
    // module variable: one property read, no call.
    const w = ambient.world!;
    const timers = this._timers;
    const clock = w.clock;
    for (;;) {
      const ready = this._ready;
      w.passes++;

      // Forget cancelled timers: all of them when they are many, else those at the top.
      const cancelled = this._cancelledTimers;
      if (cancelled > PURGE_MIN && cancelled * 2 > timers._size) {
        timers.filter((h) => {
          if (!h._cancelled) return true;
          h._scheduled = false;
          return false;
        });
        this._cancelledTimers = 0;
      } else if (cancelled > 0) {
        for (let top = timers.peek(); top?._cancelled; top = timers.peek()) {
          timers.pop();
          top._scheduled = false;
          this._cancelledTimers--;
        }
      }

      // Nothing ready: sleep until the next deadline, which in virtual time is a jump.
      if (ready.length === 0 && !this._stopping) {
        const next = timers.peek();
        const before = clock.now;
        // With threads, other threads run meanwhile and may make something ready.
        if (w.hooks !== null) w.hooks.loopIdle(this, next === undefined ? null : next._when);
        else if (next === undefined) w.idle(this);
        else w.advanceTo(next._when);
        // Arriving at the deadline, the clock reads what the timer read, as select() wakes then.
        if (next !== undefined && clock.now === next._when) {
          clock.tick = before < next._when ? next._tick : Math.max(clock.tick, next._tick);
        }
      }

      // Expire due timers into the ready queue (reading the clock once, as CPython does).
      clock.tick++;
      if (timers._size > 0) {
        const now = clock.now;
        for (let top = timers.peek(); top !== undefined && top._when <= now; top = timers.peek()) {
          timers.pop();
          top._scheduled = false;
          if (top._cancelled) this._cancelledTimers--;
          else ready.push(top);
        }
      }

      // Run what was ready when the pass began; callbacks it schedules run next pass.
      const n = ready.length;
      if (n > 0) {
        this._ready = this._spare;
        this._spare = ready;
        this._single = n === 1 && sleep0Shortcut.enabled;
        for (let i = 0; i < n; i++) {
          const h = ready[i]!;
          if (h._cancelled) continue;
          if (++w.steps > w.maxSteps) w.stepLimit();
          try {
            h._fn(h._a, h._b);
          } catch (e) {
            if (e instanceof RunAborted) throw e;
            this._callbackError(h, e);
          }
          if (w.aborted !== null) throw w.aborted;
        }
        ready.length = 0;
      }
      if (this._stopping) return;
    }
  }

  /** Runs until `fut` is done and returns its result (BaseEventLoop.run_until_complete). */
  _runUntilComplete<T>(fut: Future<T>): T {
    fut._addCallback(stopWhenDone);
    this._runForever();
    fut.remove_done_callback(stopWhenDone);
    if (!fut.done()) throw new RuntimeError("Event loop stopped before Future completed.");
    return fut.result();
  }

  _callbackError(h: Handle, e: unknown): void {
    const what = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    const w = this.#world;
    w.warn("callback-error", `Exception in callback ${h.toString()}: ${what}`, w.taskName());
  }

  /** Tasks of this loop that are not done, in creation order. */
  _liveTasks(): Task[] {
    const out: Task[] = [];
    for (let t = this._firstLive; t !== null; t = t._nextLive) out.push(t);
    return out;
  }

  _addLive(task: Task): void {
    task._prevLive = this._lastLive;
    if (this._lastLive === null) this._firstLive = task;
    else this._lastLive._nextLive = task;
    this._lastLive = task;
  }

  _removeLive(task: Task): void {
    const prev = task._prevLive;
    const next = task._nextLive;
    if (prev === null) this._firstLive = next;
    else prev._nextLive = next;
    if (next === null) this._lastLive = prev;
    else next._prevLive = prev;
    task._prevLive = null;
    task._nextLive = null;
  }

  /** Tasks of this loop that are waiting (for deadlock reports). */
  _waitingTasks(): WaitingTask[] {
    return this._liveTasks().map((t) => t._waiting());
  }

  /** Closes the loop. */
  _close(): void {
    this._closed = true;
  }
}
