/**
 * Python's queue module for threads: Queue (FIFO), LifoQueue, PriorityQueue, with maxsize,
 * blocking put/get with timeouts, task_done and join, and the Empty/Full exceptions. Every
 * put and get is a preemption point; a waiter woken by the other side checks again, as
 * CPython's queue does with its conditions.
 */
import { pass, waitIn } from "./blocking";
import { pyLess } from "./compare";
import { PythonError, pyClassName, pythonName, ValueError } from "./errors";
import { currentKernel } from "./kernel";
import { performBody } from "./perform";
import { WaitQueue } from "./sim-thread";
import { timeoutNs } from "./threads";

/** get(block=false) or a timed get on an empty queue (queue.Empty). */
export class Empty extends PythonError {}

/** put(block=false) or a timed put on a full queue (queue.Full). */
export class Full extends PythonError {}

function* putBody<T>(
  q: Queue<T>,
  item: T,
  block: boolean,
  timeout: number | null,
): Generator<unknown, void, unknown> {
  yield pass("Queue.put()", undefined);
  const k = currentKernel();
  const deadline = timeout === null ? null : k.world.clock.now + timeout;
  while (q._maxsize > 0 && q._items.length >= q._maxsize) {
    if (!block) throw new Full("");
    const left = deadline === null ? null : deadline - k.world.clock.now;
    if (left !== null && left <= 0) throw new Full("");
    const woke = yield waitIn(q._notFull, "Queue.put() (queue full)", null, left);
    if (woke !== true && deadline !== null && k.world.clock.now >= deadline) throw new Full("");
  }
  q._put(item);
  q._unfinished++;
  const t = q._notEmpty.shift();
  if (t !== undefined) k.wake(t, true);
}

function* getBody<T>(q: Queue<T>, block: boolean, timeout: number | null): Generator<unknown, T, unknown> {
  yield pass("Queue.get()", undefined);
  const k = currentKernel();
  const deadline = timeout === null ? null : k.world.clock.now + timeout;
  while (q._items.length === 0) {
    if (!block) throw new Empty("");
    const left = deadline === null ? null : deadline - k.world.clock.now;
    if (left !== null && left <= 0) throw new Empty("");
    const woke = yield waitIn(q._notEmpty, "Queue.get() (queue empty)", null, left);
    if (woke !== true && deadline !== null && k.world.clock.now >= deadline) throw new Empty("");
  }
  const item = q._get();
  const t = q._notFull.shift();
  if (t !== undefined) k.wake(t, true);
  return item;
}

function* joinBody(q: Queue<unknown>): Generator<unknown, void, unknown> {
  yield pass("Queue.join()", undefined);
  while (q._unfinished > 0) yield waitIn(q._allDone, "Queue.join()", null, null);
}

/** A FIFO queue for threads (queue.Queue); maxsize <= 0 means unbounded. */
export class Queue<T = unknown> {
  readonly _maxsize: number;
  _items: T[] = [];
  _unfinished = 0;
  readonly _notEmpty = new WaitQueue();
  readonly _notFull = new WaitQueue();
  readonly _allDone = new WaitQueue();

  constructor(maxsize = 0) {
    this._maxsize = maxsize;
  }

  /** Puts `item`, waiting for room unless block=false; raises Full after `timeout` seconds. */
  put(item: T, block = true, timeout: number | null = null): undefined {
    return performBody<undefined>("put", putBody as never, this, item, block, timeoutNs(timeout));
  }

  /** Takes an item, waiting for one unless block=false; raises Empty after `timeout` seconds. */
  get(block = true, timeout: number | null = null): T {
    return performBody<T>("get", getBody as never, this, block, timeoutNs(timeout));
  }

  /** put(item, false). */
  put_nowait(item: T): undefined {
    return this.put(item, false);
  }

  /** get(false). */
  get_nowait(): T {
    return this.get(false);
  }

  /** Marks one item taken with get() as processed. @throws ValueError if called too often. */
  task_done(): void {
    if (this._unfinished <= 0) throw new ValueError("task_done() called too many times");
    if (--this._unfinished === 0) {
      const k = currentKernel();
      for (let t = this._allDone.shift(); t !== undefined; t = this._allDone.shift()) k.wake(t, true);
    }
  }

  /** Waits until every item put has been marked task_done(). */
  join(): undefined {
    return performBody<undefined>("join", joinBody as never, this);
  }

  /** Items in the queue now. */
  qsize(): number {
    return this._items.length;
  }

  /** True if no items are queued. */
  empty(): boolean {
    return this._items.length === 0;
  }

  /** True if maxsize items are queued. */
  full(): boolean {
    return this._maxsize > 0 && this._items.length >= this._maxsize;
  }

  /** Sizes and waiters. */
  statistics(): { size: number; maxsize: number; unfinished: number; getters: number; putters: number } {
    return {
      size: this._items.length,
      maxsize: this._maxsize,
      unfinished: this._unfinished,
      getters: this._notEmpty.length,
      putters: this._notFull.length,
    };
  }

  _put(item: T): void {
    this._items.push(item);
  }

  _get(): T {
    return this._items.shift() as T;
  }

  toString(): string {
    return `<${pyClassName(this.constructor)} maxsize=${this._maxsize} qsize=${this._items.length}>`;
  }
}

/** Last in, first out (queue.LifoQueue). */
export class LifoQueue<T = unknown> extends Queue<T> {
  override _get(): T {
    return this._items.pop() as T;
  }
}

/** Smallest first, by Python's ordering (queue.PriorityQueue); entries are often [priority, data]. */
export class PriorityQueue<T = unknown> extends Queue<T> {
  override _put(item: T): void {
    const a = this._items;
    let i = a.length;
    a.push(item);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!pyLess(a[i], a[parent])) break;
      [a[i], a[parent]] = [a[parent]!, a[i]!];
      i = parent;
    }
  }

  override _get(): T {
    const a = this._items;
    const top = a[0] as T;
    const last = a.pop() as T;
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && pyLess(a[l], a[m])) m = l;
        if (r < a.length && pyLess(a[r], a[m])) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m]!, a[i]!];
        i = m;
      }
    }
    return top;
  }
}

pythonName(Empty, "Empty");
pythonName(Full, "Full");
pythonName(Queue, "Queue");
pythonName(LifoQueue, "LifoQueue");
pythonName(PriorityQueue, "PriorityQueue");
