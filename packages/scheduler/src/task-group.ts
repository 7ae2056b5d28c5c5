/**
 * asyncio.TaskGroup: tasks that live and die together. A port of CPython 3.11's
 * asyncio/taskgroups.py: when a child fails, the others and the parent's block are cancelled,
 * the group waits for every child, then raises ExceptionGroup with every error.
 *
 * Python writes `async with asyncio.TaskGroup() as tg: tg.create_task(...)`. JavaScript has no
 * async with, so the block is a function:
 * `await asyncio.TaskGroup.run(async (tg) => { tg.create_task(f()); ... })`.
 */
import { Coroutine } from "./coroutine";
import { CancelledError, ExceptionGroup, RuntimeError } from "./errors";
import { Future, runningLoop } from "./future";
import type { EventLoop } from "./loop";
import type { Task, TaskOptions } from "./task";
import { coroutine } from "./tasks-api";

/** The block a task group runs: called with the group, returns what to await. */
export type TaskGroupBlock<R> = (tg: TaskGroup) => Coroutine<R> | Future<R> | R;

function* exitGroup(tg: TaskGroup, failed: boolean, exc: unknown): Generator<unknown, void, unknown> {
  tg._exiting = true;
  let propagateCancellation: unknown = failed && exc instanceof CancelledError ? exc : null;
  if (tg._parentCancelRequested && tg._parentTask!.uncancel() === 0) propagateCancellation = null;
  if (failed && !tg._aborting) tg._abort();
  while (tg._tasks.size > 0) {
    if (tg._onCompleted === null) {
      tg._onCompleted = new Future(tg._loop!);
      tg._onCompleted._label = "TaskGroup (waiting for its tasks)";
    }
    try {
      yield tg._onCompleted;
    } catch (e) {
      if (!(e instanceof CancelledError)) throw e;
      if (!tg._aborting) {
        propagateCancellation = e;
        tg._abort();
      }
    }
    tg._onCompleted = null;
  }
  if (propagateCancellation !== null && tg._errors.length === 0) throw propagateCancellation;
  if (failed && !(exc instanceof CancelledError)) tg._errors.push(exc);
  if (tg._errors.length > 0) {
    const errors = tg._errors;
    tg._errors = [];
    throw new ExceptionGroup("unhandled errors in a TaskGroup", errors);
  }
}

function* runGroup<R>(tg: TaskGroup, block: TaskGroupBlock<R>): Generator<unknown, R, unknown> {
  tg._enter();
  let result: R | undefined;
  let failed = false;
  let error: unknown;
  try {
    const aw = block(tg);
    result = (aw instanceof Coroutine || aw instanceof Future ? yield aw : aw) as R;
  } catch (e) {
    failed = true;
    error = e;
  }
  yield* exitGroup(tg, failed, error);
  if (failed) throw error;
  return result as R;
}

/** Tasks that are awaited, and cancelled, together (asyncio.TaskGroup). */
export class TaskGroup {
  _entered = false;
  _exiting = false;
  _aborting = false;
  _loop: EventLoop | null = null;
  _parentTask: Task | null = null;
  _parentCancelRequested = false;
  readonly _tasks = new Set<Task>();
  _errors: unknown[] = [];
  _onCompleted: Future | null = null;

  /**
   * Runs `block` with a new group; resolves once every task of the group is done.
   * @throws ExceptionGroup with the errors of the tasks (and of the block) that failed.
   */
  static run<R>(block: TaskGroupBlock<R>): Coroutine<R> {
    return new TaskGroup().run(block);
  }

  /** Runs `block` with this group (a group runs once). */
  run<R>(block: TaskGroupBlock<R>): Coroutine<R> {
    return coroutine("TaskGroup", runGroup, this, block);
  }

  /** Starts `coro` as a task of the group. @throws RuntimeError if the group is not running. */
  create_task<T>(coro: Coroutine<T>, options: TaskOptions = {}): Task<T> {
    if (!this._entered) throw new RuntimeError(`TaskGroup ${this.toString()} has not been entered`);
    if (this._exiting && this._tasks.size === 0)
      throw new RuntimeError(`TaskGroup ${this.toString()} is finished`);
    if (this._aborting) throw new RuntimeError(`TaskGroup ${this.toString()} is shutting down`);
    const task = this._loop!.create_task(coro); // unnamed first, as CPython 3.11, then renamed
    if (options.name !== undefined) task.set_name(options.name);
    task._addCallback((t) => this._onTaskDone(t as Task));
    this._tasks.add(task as Task);
    return task;
  }

  toString(): string {
    const info: string[] = [];
    if (this._tasks.size > 0) info.push(`tasks=${this._tasks.size}`);
    if (this._errors.length > 0) info.push(`errors=${this._errors.length}`);
    if (this._aborting) info.push("cancelling");
    else if (this._entered) info.push("entered");
    return `<TaskGroup${info.map((s) => ` ${s}`).join("")}>`;
  }

  _enter(): void {
    if (this._entered) throw new RuntimeError(`TaskGroup ${this.toString()} has already been entered`);
    this._loop ??= runningLoop();
    this._parentTask = this._loop._current;
    if (this._parentTask === null)
      throw new RuntimeError(`TaskGroup ${this.toString()} cannot determine the parent task`);
    this._entered = true;
  }

  _abort(): void {
    this._aborting = true;
    for (const t of this._tasks) if (!t.done()) t.cancel();
  }

  _onTaskDone(task: Task): void {
    this._tasks.delete(task);
    if (this._onCompleted !== null && this._tasks.size === 0 && !this._onCompleted.done()) {
      this._onCompleted._resolve(true);
    }
    if (task.cancelled()) return;
    const exc = task.exception();
    if (exc === null) return;
    this._errors.push(exc);
    if (this._parentTask!.done()) return;
    if (!this._aborting && !this._parentCancelRequested) {
      this._abort();
      this._parentCancelRequested = true;
      this._parentTask!.cancel();
    }
  }
}
