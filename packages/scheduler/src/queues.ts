/**
 * asyncio's queues: Queue (FIFO), PriorityQueue (smallest first) and LifoQueue (last in,
 * first out). A port of CPython 3.11's asyncio/queues.py: getters and putters wait in
 * parking lots, maxsize bounds put(), join() waits until task_done() was called once per item.
 */

import { pyLess } from "./compare";
import type { Coroutine } from "./coroutine";
import { QueueEmpty, QueueFull, ValueError } from "./errors";
import { ParkingLot } from "./parking-lot";
import { Event } from "./sync";
import { coroutine } from "./tasks-api";

function wakeupNext(lot: ParkingLot): void {
  for (let fut = lot.shift(); fut !== undefined; fut = lot.shift()) {
    if (!fut.done()) {
      fut._resolve(null);
      break;
    }
  }
}

function* queuePut<T>(q: Queue<T>, item: T): Generator<unknown, void, unknown> {
  while (q.full()) {
    const putter = q._putters.park(`${q._kind}.put()`);
    try {
      yield putter;
    } catch (e) {
      putter.cancel();
      q._putters.remove(putter);
      if (!q.full() && !putter.cancelled()) wakeupNext(q._putters);
      throw e;
    }
  }
  q.put_nowait(item);
}

function* queueGet<T>(q: Queue<T>): Generator<unknown, T, unknown> {
  while (q.empty()) {
    const getter = q._getters.park(`${q._kind}.get()`);
    try {
      yield getter;
    } catch (e) {
      getter.cancel();
      q._getters.remove(getter);
      if (!q.empty() && !getter.cancelled()) wakeupNext(q._getters);
      throw e;
    }
  }
  return q.get_nowait();
}

function* queueJoin<T>(q: Queue<T>): Generator<unknown, void, unknown> {
  if (q._unfinished > 0) yield q._finished.wait();
}

/** A FIFO queue for tasks (asyncio.Queue); maxsize <= 0 means unbounded. */
export class Queue<T = unknown> {
  readonly _maxsize: number;
  readonly _getters = new ParkingLot(this);
  readonly _putters = new ParkingLot(this);
  _unfinished = 0;
  readonly _finished = new Event();
  _items: T[] = [];
  _head = 0;

  constructor(maxsize = 0) {
    this._maxsize = maxsize;
    this._finished.set();
  }

  get _kind(): string {
    return "Queue";
  }

  /** The bound given at creation (0: none). */
  get maxsize(): number {
    return this._maxsize;
  }

  /** Number of items in the queue. */
  qsize(): number {
    return this._items.length - this._head;
  }

  /** True if the queue holds no items. */
  empty(): boolean {
    return this.qsize() === 0;
  }

  /** True if the queue holds maxsize items. */
  full(): boolean {
    return this._maxsize > 0 && this.qsize() >= this._maxsize;
  }

  /** Puts `item`, waiting while the queue is full. */
  put(item: T): Coroutine<void> {
    return coroutine("put", queuePut, this, item);
  }

  /** Puts `item` now. @throws QueueFull if the queue is full. */
  put_nowait(item: T): void {
    if (this.full()) throw new QueueFull();
    this._put(item);
    this._unfinished++;
    this._finished.clear();
    wakeupNext(this._getters);
  }

  /** Removes and returns an item, waiting while the queue is empty. */
  get(): Coroutine<T> {
    return coroutine("get", queueGet, this);
  }

  /** Removes and returns an item now. @throws QueueEmpty if the queue is empty. */
  get_nowait(): T {
    if (this.empty()) throw new QueueEmpty();
    const item = this._get();
    wakeupNext(this._putters);
    return item;
  }

  /** Marks one item taken with get() as processed. @throws ValueError if called too often. */
  task_done(): void {
    if (this._unfinished <= 0) throw new ValueError("task_done() called too many times");
    this._unfinished--;
    if (this._unfinished === 0) this._finished.set();
  }

  /** Waits until every item put was marked done with task_done(). */
  join(): Coroutine<void> {
    return coroutine("join", queueJoin, this);
  }

  /** What the queue looks like now. */
  statistics(): { size: number; maxsize: number; unfinished: number; getters: number; putters: number } {
    return {
      size: this.qsize(),
      maxsize: this._maxsize,
      unfinished: this._unfinished,
      getters: this._getters.waiting(),
      putters: this._putters.waiting(),
    };
  }

  toString(): string {
    return `<${this._kind} maxsize=${this._maxsize}${this.qsize() > 0 ? ` size=${this.qsize()}` : ""}>`;
  }

  _put(item: T): void {
    this._items.push(item);
  }

  _get(): T {
    const item = this._items[this._head] as T;
    this._items[this._head] = undefined as T;
    this._head++;
    if (this._head > 32 && this._head * 2 > this._items.length) {
      this._items = this._items.slice(this._head);
      this._head = 0;
    }
    return item;
  }

  _waitDescription(): string {
    return this.full() ? `${this._kind}.put()` : `${this._kind}.get()`;
  }
}

/** A queue that returns the smallest item first (asyncio.PriorityQueue); items compare as Python's do. */
export class PriorityQueue<T = unknown> extends Queue<T> {
  override get _kind(): string {
    return "PriorityQueue";
  }

  override _put(item: T): void {
    const heap = this._items;
    let i = heap.length;
    heap.push(item);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!pyLess(item, heap[parent])) break;
      heap[i] = heap[parent] as T;
      i = parent;
    }
    heap[i] = item;
  }

  override _get(): T {
    const heap = this._items;
    const top = heap[0] as T;
    const last = heap.pop() as T;
    const n = heap.length;
    if (n === 0) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && pyLess(heap[r], heap[l]) ? r : l;
      if (!pyLess(heap[c], last)) break;
      heap[i] = heap[c] as T;
      i = c;
    }
    heap[i] = last;
    return top;
  }
}

/** A queue that returns the newest item first (asyncio.LifoQueue). */
export class LifoQueue<T = unknown> extends Queue<T> {
  override get _kind(): string {
    return "LifoQueue";
  }

  override _get(): T {
    return this._items.pop() as T;
  }
}
