/**
 * Task: runs a coroutine on an event loop, as asyncio.Task.
 *
 * A task is a Future whose result is its coroutine's. Creating it schedules its first step
 * with call_soon. Each step resumes the coroutine stack (see drive() in coroutine.ts) until
 * it waits on a pending future (the task parks: `_futWaiter` is set and the future will wake
 * it), yields SLEEP0 (the step is rescheduled at the back of the ready queue), returns or
 * raises (the task is done). This is CPython's Task.__step / __wakeup, decision for decision.
 *
 * Cancellation: cancel() cancels the future the task waits on (so CancelledError is thrown
 * into the coroutine at its await, and finally blocks run), or, if the task is not waiting,
 * sets `_mustCancel` so its next step throws CancelledError instead of resuming.
 */
import { secondsToNs } from "./clock";
import { Coroutine, drive, RETURNED, SLEEP0, SLEEPS, THREW, YIELDED } from "./coroutine";
import { CancelledError, InvalidStateError, RuntimeError } from "./errors";
import { pyRepr } from "./format";
import { Future } from "./future";
import type { Handle } from "./handle";
import type { EventLoop } from "./loop";
import { worldOf } from "./loop";
import type { WaitingTask } from "./result";
import { ambient, currentWorld } from "./world";

const NO_ERROR: unknown = Symbol("no error");

/** Options of create_task. */
export interface TaskOptions {
  name?: string;
}

/** Wakes a task (scheduled by call_soon). */
function wakeTask(task: unknown): void {
  (task as Task)._wake();
}

/** A sleeping task's timer fired: wake it next pass, as the sleep future's callback would. */
function sleepFired(task: unknown): void {
  const t = task as Task;
  t._sleepState = 2;
  t._scheduleWake();
  const w = ambient.world!;
  if (w.tracing) w.record("wake", t._name, "sleep");
}

/** Steps a task (scheduled by call_soon); `error` is thrown into it unless NO_ERROR. */
function stepTask(task: unknown, error: unknown): void {
  const t = task as Task;
  if (error === NO_ERROR) step(t, undefined, false);
  else step(t, error, true);
}

/**
 * One step of a task's coroutine (Task.__step): resumes it with `value`, thrown into it if
 * `isThrow`. A plain function rather than a method, so that a handle calls it directly with
 * (task, value): a task back from sleep(0) is resumed with no call between the loop and its step.
 */
function step(t: Task, value: unknown, isThrow: boolean): void {
  if (t._state !== 0) throw new InvalidStateError(`_step(): already done: ${t.toString()}`);
  if (t._mustCancel) {
    if (!(isThrow && value instanceof CancelledError)) {
      value = t._makeCancelledError();
      isThrow = true;
    }
    t._mustCancel = false;
  }
  t._futWaiter = null;
  const loop = t._loop;
  // The run's world, which is this loop's (worldOf(loop)), read from the run's module variable:
  // one property read, no call (every step).
  const w = ambient.world!;
  loop._current = t;
  // The step begins (inline: this is every task step): flush the never-awaited buffer, trace "run".
  if (w._stepFreshCount > 0) w._keepUnstarted();
  w.currentTask = t;
  w.switches++;
  if (w.tracing) w.record("run", t._name);
  try {
    if (!t._started) {
      t._started = true;
      try {
        t._coro._start();
      } catch (e) {
        t._finish(THREW, e);
        loop._current = null;
        w.endStep(t);
        return;
      }
    }
    for (;;) {
      const out = drive(w, t._frames, value, isThrow, true);
      const kind = out.kind;
      if (kind === SLEEPS) {
        // asyncio.sleep's coroutine (tasks-api.ts): sleep on a timer, or requeue for sleep(0).
        const sleep = out.value as Coroutine & { _delay: number; _result: unknown };
        const delay = sleep._delay;
        if (delay > 0) t._sleepFor(secondsToNs(delay), sleep._result, w.tracing ? `sleep(${delay})` : "");
        else {
          // sleep(0): as CPython's bare `yield`, the next step goes to the back of the ready
          // queue, through the task's own resume handle (nothing allocated, inline: every switch).
          const h = t._resumeHandle;
          if (h === null) t._resumeHandle = loop._callSoon(resumeTask, t, sleep._result);
          else if (
            // The loop's next pass would only count itself and run this task's next step, with
            // nothing to note between the steps: this step is the only callback of the pass now
            // running, nothing else is ready, no timer is due or cancelled, the loop is not
            // stopping nor the run aborted, the task is not being cancelled, and this step
            // blocked nothing (its warning is due at its end). Then take that pass and step here,
            // counted, ticked and traced as the loop and a new step would: a task on sleep(0)
            // while the others wait costs no trip through the loop. Coroutines the step made and
            // did not start are noted when the last of these steps ends, as made by the same
            // task at the same virtual time (only advanceTo and blockFor move the clock, and
            // they note them first). With threads too: a loop with a callback ready never waits
            // on them, so none could run in between.
            loop._single &&
            loop._ready.length === 0 &&
            !loop._stopping &&
            !t._mustCancel &&
            w._stepBlockedNs === 0 &&
            w.aborted === null &&
            loop._cancelledTimers === 0 &&
            (loop._timers._size === 0 || loop._timers._whens[0]! > w.clock.now)
          ) {
            w.passes++;
            w.clock.tick++;
            if (++w.steps > w.maxSteps) w.stepLimit();
            w.switches++;
            if (w.tracing) w.record("run", t._name);
            value = sleep._result;
            isThrow = false;
            continue;
          } else {
            h._b = sleep._result;
            // Appending by index: a push() call is a method lookup and a native call in QuickJS.
            const ready = loop._ready;
            ready[ready.length] = h;
          }
        }
      } else if (kind === YIELDED) t._park(out.value);
      else t._finish(kind, out.value);
      break;
    }
  } catch (e) {
    loop._current = null;
    w.endStep(t);
    throw e;
  }
  loop._current = null;
  if (w._stepFreshCount === 0 && w._stepBlockedNs === 0) w.currentTask = null;
  else w.endStep(t);
}

/**
 * Resumes a task back from sleep(0) with the sleep's result (its `_resumeHandle`'s callback):
 * step() itself, which the handle calls with two arguments, so `isThrow` is undefined (false).
 */
const resumeTask = step as unknown as (task: unknown, result: unknown) => void;

/** A coroutine wrapped to run on the loop concurrently with others (asyncio.Task). */
export class Task<T = unknown> extends Future<T> {
  // Fields are `declare`d and set in the constructor, as Coroutine's (see there).
  /** The name given, or null for Task-<number> (made when first read: most never are). */
  declare _nameText: string | null;
  declare _number: number;
  /** Neighbours in the loop's list of live tasks. */
  declare _prevLive: Task | null;
  declare _nextLive: Task | null;
  declare readonly _coro: Coroutine<T>;
  /** The coroutine stack: the task's coroutine at the bottom, what it awaits inline above. */
  declare readonly _frames: Coroutine[];
  /** True once the first step started the coroutine. */
  declare _started: boolean;
  declare _futWaiter: Future | null;
  declare _mustCancel: boolean;
  declare _numCancelsRequested: number;
  declare _cancelledExc: CancelledError | null;
  /** The handle that wakes this task, made once and reused: a task waits on one thing at a time. */
  declare _wakeHandle: Handle | null;
  /**
   * The handle that resumes this task after sleep(0), made once and reused: its second argument
   * is the sleep's result, set each time it is queued.
   */
  declare _resumeHandle: Handle | null;
  /**
   * An asyncio.sleep awaited by the task parks it on a timer, with no future (see tasks-api).
   * `_sleep` is the timer (kept for reuse); `_sleepState`: 0 not sleeping, 1 sleeping, 2 timer
   * fired (wake queued), 3 cancelled (wake queued, the timer's second slot holds the message).
   * sleep(0) does not park: the task's next step is queued at once, as CPython's bare `yield`.
   */
  declare _sleep: Handle | null;
  declare _sleepState: 0 | 1 | 2 | 3;

  /** Wraps `coro` in a task on the running loop; prefer asyncio.create_task(). */
  constructor(coro: Coroutine<T>, options: TaskOptions & { loop?: EventLoop } = {}) {
    if (!(coro instanceof Coroutine)) {
      throw new TypeError(`a coroutine was expected, got ${String(coro)}`);
    }
    super(options.loop);
    this._prevLive = null;
    this._nextLive = null;
    this._started = false;
    this._futWaiter = null;
    this._mustCancel = false;
    this._numCancelsRequested = 0;
    this._cancelledExc = null;
    this._wakeHandle = null;
    this._resumeHandle = null;
    this._sleep = null;
    this._sleepState = 0;
    const w = currentWorld();
    // Only an unnamed task takes a number (loop.create_task(coro, name=...) takes none).
    this._number = options.name === undefined ? ++w.taskCounter : 0;
    this._nameText = options.name === undefined ? null : String(options.name);
    this._coro = coro;
    this._frames = [coro as Coroutine];
    if (coro._state !== 0) throw new RuntimeError("cannot reuse already awaited coroutine");
    this._loop._callSoon(stepTask, this, NO_ERROR);
    this._loop._addLive(this as Task);
    w.tasksCreated++;
    if (++w.liveTasks > w.maxConcurrency) w.maxConcurrency = w.liveTasks;
    if (w.tracing) w.record("spawn", this._name, `${coro.__name__}()`);
  }

  /** The task's name (Task-N unless given). */
  get_name(): string {
    return this._name;
  }

  /** Renames the task. */
  set_name(name: string): void {
    this._nameText = String(name);
  }

  get _name(): string {
    if (this._nameText === null) this._nameText = `Task-${this._number}`;
    return this._nameText;
  }

  /** The coroutine the task runs. */
  get_coro(): Coroutine<T> {
    return this._coro;
  }

  /** Not supported on a task. @throws RuntimeError */
  override set_result(_result: T): void {
    throw new RuntimeError("Task does not support set_result operation");
  }

  /** Not supported on a task. @throws RuntimeError */
  override set_exception(_exception: unknown): void {
    throw new RuntimeError("Task does not support set_exception operation");
  }

  /**
   * Requests cancellation: CancelledError is thrown into the coroutine at its current await.
   * Returns false if the task is already done.
   */
  override cancel(msg?: string): boolean {
    this._logTraceback = false;
    if (this._state !== 0) return false;
    this._numCancelsRequested++;
    const w = worldOf(this._loop);
    if (w.tracing) w.record("cancel", this._name, msg);
    if (this._sleepState === 1) {
      // As cancelling the sleep's future: the timer is off and the task wakes with CancelledError.
      const timer = this._sleep!;
      timer.cancel();
      timer._b = msg;
      this._sleepState = 3;
      this._scheduleWake();
      return true;
    }
    if (this._futWaiter?.cancel(msg)) return true;
    this._mustCancel = true;
    this._cancelMessage = msg;
    return true;
  }

  /** How many cancellation requests are pending (Task.cancelling). */
  cancelling(): number {
    return this._numCancelsRequested;
  }

  /** Withdraws one cancellation request; returns how many remain (Task.uncancel). */
  uncancel(): number {
    if (this._numCancelsRequested > 0) this._numCancelsRequested--;
    return this._numCancelsRequested;
  }

  /** As CPython 3.12 (without source locations): `<Task finished name='Task-1' coro=<main()> result=42>`. */
  override toString(): string {
    const info = this._reprInfo();
    if (this._state === 0 && this._numCancelsRequested > 0) info[0] = "cancelling";
    info.splice(1, 0, `name=${pyRepr(this._name)}`, `coro=<${this._coro.__name__}()>`);
    return `<Task ${info.join(" ")}>`;
  }

  override _makeCancelledError(): CancelledError {
    if (this._cancelledExc !== null) return this._cancelledExc;
    return super._makeCancelledError();
  }

  /** Queues the task's wake-up for the next loop pass. */
  _scheduleWake(): void {
    const h = this._wakeHandle;
    if (h === null) this._wakeHandle = this._loop._callSoon(wakeTask, this, undefined);
    else this._loop._ready.push(h);
  }

  /**
   * Parks the task on a timer for `delayNs` (asyncio.sleep awaited by the task itself). The
   * task's previous sleep timer is reused once it has left the heap: a task sleeping in a loop
   * then allocates nothing per sleep, so nothing lives just long enough to burden the GC.
   */
  _sleepFor(delayNs: number, result: unknown, label: string): void {
    const spare = this._sleep;
    if (spare !== null && !spare._scheduled) this._loop._callLaterAgain(spare, delayNs, this, result);
    else this._sleep = this._loop._callLater(delayNs, sleepFired, this, result);
    this._sleepState = 1;
    const w = ambient.world!;
    if (w.tracing) w.record("sleep", this._name, label);
  }

  /** Wakes the task: its awaited future is done, or its sleep ended (Task.__wakeup). */
  _wake(): void {
    const sleeping = this._sleepState;
    if (sleeping !== 0) {
      this._sleepState = 0;
      const timer = this._sleep!;
      if (sleeping === 3)
        step(this as Task, new CancelledError((timer._b as string | undefined) ?? ""), true);
      else step(this as Task, timer._b, false);
      return;
    }
    const fut = this._futWaiter!;
    if (fut._state === 1) step(this as Task, fut._makeCancelledError(), true);
    else if (fut._hasException) {
      fut._logTraceback = false;
      step(this as Task, fut._exception, true);
    } else step(this as Task, fut._result, false);
  }

  /** The coroutine returned or raised. */
  _finish(kind: number, value: unknown): void {
    const w = worldOf(this._loop);
    if (kind === RETURNED) {
      if (this._mustCancel) {
        this._mustCancel = false;
        this._cancel(this._cancelMessage);
      } else this._resolve(value as T);
    } else if (value instanceof CancelledError) {
      this._cancelledExc = value;
      this._cancel();
    } else {
      this._reject(value);
      w.failedTasks.add(this as Task);
    }
    w.liveTasks--;
    this._loop._removeLive(this as Task);
    if (w.tracing) w.record("exit", this._name, this._exitDetail());
  }

  /** The stack yielded something other than a finished future: wait on it. */
  _park(y: unknown): void {
    const w = worldOf(this._loop);
    if (y instanceof Future) {
      if (y === this) {
        this._loop._callSoon(
          stepTask,
          this,
          new RuntimeError(`Task cannot await on itself: ${this.toString()}`),
        );
        return;
      }
      if (y._loop !== this._loop) {
        const err = new RuntimeError(
          `Task ${this.toString()} got Future ${y.toString()} attached to a different loop`,
        );
        this._loop._callSoon(stepTask, this, err);
        return;
      }
      y._addCallback(this as Task);
      this._futWaiter = y;
      if (w.tracing) w.record(y._label?.startsWith("sleep") ? "sleep" : "block", this._name, describeWait(y));
      if (this._mustCancel && y.cancel(this._cancelMessage)) this._mustCancel = false;
      return;
    }
    if (y === SLEEP0) {
      this._loop._callSoon(stepTask, this, NO_ERROR);
      return;
    }
    this._loop._callSoon(stepTask, this, new RuntimeError(`Task got bad yield: ${String(y)}`));
  }

  _exitDetail(): string {
    if (this._state === 1) return "cancelled";
    if (!this._hasException) return "returned";
    const e = this._exception;
    return e instanceof Error ? `raised ${e.name}: ${e.message}` : `raised ${String(e)}`;
  }

  /** This task as a deadlock report entry. */
  _waiting(): WaitingTask {
    const fut = this._futWaiter;
    if (this._sleepState !== 0)
      return { task: this._name, coro: `${this._coro.__name__}()`, waitsOn: "asyncio.sleep()" };
    return {
      task: this._name,
      coro: `${this._coro.__name__}()`,
      waitsOn: fut === null ? "nothing" : describeWait(fut),
    };
  }
}

/** What waiting on `fut` means, in words. */
export function describeWait(fut: Future): string {
  if (fut._blocker !== null) return fut._blocker._waitDescription();
  if (fut._label !== null) return fut._label;
  if (fut instanceof Task) return `${fut._name} (${fut._coro.__name__}())`;
  return "a Future";
}
