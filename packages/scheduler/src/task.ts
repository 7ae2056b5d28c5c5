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
import { Coroutine, drive, RETURNED, SLEEP0, THREW } from "./coroutine";
import { CancelledError, InvalidStateError, RuntimeError } from "./errors";
import { Future } from "./future";
import type { EventLoop } from "./loop";
import type { WaitingTask } from "./result";
import { currentWorld, type World } from "./world";

const NO_ERROR: unknown = Symbol("no error");

/** Options of create_task. */
export interface TaskOptions {
  name?: string;
}

/** Steps a task (scheduled by call_soon); `error` is thrown into it unless NO_ERROR. */
function stepTask(task: unknown, error: unknown): void {
  const t = task as Task;
  if (error === NO_ERROR) t._step(undefined, false);
  else t._step(error, true);
}

/** A coroutine wrapped to run on the loop concurrently with others (asyncio.Task). */
export class Task<T = unknown> extends Future<T> {
  _name: string;
  readonly _coro: Coroutine<T>;
  /** The coroutine stack: the task's coroutine at the bottom, what it awaits inline above. */
  readonly _frames: Coroutine[] = [];
  _futWaiter: Future | null = null;
  _mustCancel = false;
  _numCancelsRequested = 0;
  _cancelledExc: CancelledError | null = null;
  readonly _world: World;

  /** Wraps `coro` in a task on the running loop; prefer asyncio.create_task(). */
  constructor(coro: Coroutine<T>, options: TaskOptions & { loop?: EventLoop } = {}) {
    if (!(coro instanceof Coroutine)) {
      throw new TypeError(`a coroutine was expected, got ${String(coro)}`);
    }
    super(options.loop);
    const w = currentWorld();
    this._world = w;
    this._name = options.name === undefined ? `Task-${++w.taskCounter}` : String(options.name);
    this._coro = coro;
    if (coro._state !== 0) throw new RuntimeError("cannot reuse already awaited coroutine");
    this._loop._callSoon(stepTask, this, NO_ERROR);
    this._loop._tasks.add(this as Task);
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
    this._name = String(name);
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
    const w = this._world;
    if (w.tracing) w.record("cancel", this._name, msg);
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

  override toString(): string {
    const state = this._state === 0 ? "pending" : this._state === 1 ? "cancelled" : "finished";
    return `<Task ${state} name='${this._name}' coro=<${this._coro.__name__}()>>`;
  }

  override _makeCancelledError(): CancelledError {
    if (this._cancelledExc !== null) return this._cancelledExc;
    return super._makeCancelledError();
  }

  /** Wakes the task: its awaited future is done (Task.__wakeup). */
  _wake(): void {
    const fut = this._futWaiter!;
    if (fut._state === 1) this._step(fut._makeCancelledError(), true);
    else if (fut._hasException) {
      fut._logTraceback = false;
      this._step(fut._exception, true);
    } else this._step(fut._result, false);
  }

  /** One step of the coroutine (Task.__step). */
  _step(value: unknown, isThrow: boolean): void {
    if (this._state !== 0) throw new InvalidStateError(`_step(): already done: ${this.toString()}`);
    if (this._mustCancel) {
      if (!(isThrow && value instanceof CancelledError)) {
        value = this._makeCancelledError();
        isThrow = true;
      }
      this._mustCancel = false;
    }
    this._futWaiter = null;
    const w = this._world;
    const loop = this._loop;
    loop._current = this as Task;
    w.beginStep(this as Task);
    try {
      const frames = this._frames;
      if (frames.length === 0) {
        try {
          this._coro._start();
        } catch (e) {
          this._finish(THREW, e);
          return;
        }
        frames.push(this._coro as Coroutine);
      }
      const out = drive(frames, value, isThrow);
      if (out.kind === RETURNED || out.kind === THREW) this._finish(out.kind, out.value);
      else this._park(out.value);
    } finally {
      loop._current = null;
      w.endStep(this as Task);
    }
  }

  /** The coroutine returned or raised. */
  _finish(kind: number, value: unknown): void {
    const w = this._world;
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
    this._loop._tasks.delete(this as Task);
    if (w.tracing) w.record("exit", this._name, this._exitDetail());
  }

  /** The stack yielded something other than a finished future: wait on it. */
  _park(y: unknown): void {
    const w = this._world;
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
