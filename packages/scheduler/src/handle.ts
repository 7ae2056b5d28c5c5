import { nsToSeconds } from "./clock";

/** An internal callback with up to two arguments (no closure per call on the hot path). */
export type Callback = (a: unknown, b: unknown) => void;

/** What a handle needs from its loop when it is cancelled. */
export interface HandleOwner {
  _timerCancelled(handle: Handle): void;
}

/**
 * A callback scheduled on an event loop: soon (ready queue) or at a deadline (timer heap),
 * like asyncio's Handle and TimerHandle. `_when` is virtual ns (-1 for a ready handle),
 * `_tick` the clock tick the deadline was computed at (see clock.ts), and `_seq` breaks any
 * remaining tie in the order the timers were set.
 */
export class Handle {
  _fn: Callback;
  _a: unknown;
  _b: unknown;
  _when: number;
  _seq: number;
  _tick = 0;
  _cancelled = false;
  /** True while the handle sits in a timer heap. */
  _scheduled = false;
  _owner: HandleOwner | null;

  constructor(fn: Callback, a: unknown, b: unknown, when: number, seq: number, owner: HandleOwner | null) {
    this._fn = fn;
    this._a = a;
    this._b = b;
    this._when = when;
    this._seq = seq;
    this._owner = owner;
  }

  /** Cancels the callback; does nothing if it already ran or was cancelled. */
  cancel(): void {
    if (this._cancelled) return;
    this._cancelled = true;
    if (this._scheduled && this._owner !== null) this._owner._timerCancelled(this);
    this._a = undefined;
    this._b = undefined;
  }

  /** True if cancel() was called. */
  cancelled(): boolean {
    return this._cancelled;
  }

  /** The deadline of a timer handle, in loop time (seconds). */
  when(): number {
    return nsToSeconds(this._when);
  }

  toString(): string {
    const state = this._cancelled ? " cancelled" : "";
    return this._when >= 0 ? `<TimerHandle${state} when=${this.when()}>` : `<Handle${state}>`;
  }
}

/** True if handle `a` fires before `b`: earlier deadline, then earlier tick, then earlier insertion. */
function before(a: Handle, b: Handle): boolean {
  if (a._when !== b._when) return a._when < b._when;
  if (a._tick !== b._tick) return a._tick < b._tick;
  return a._seq < b._seq;
}

/**
 * A binary min-heap of timer handles ordered by (deadline, tick, insertion sequence). Ties never
 * depend on heap shape, unlike heapq over bare deadlines. Cancelled handles stay until they
 * reach the top or the owner rebuilds the heap without them (asyncio's lazy deletion).
 */
export class TimerHeap {
  #items: Handle[] = [];

  get size(): number {
    return this.#items.length;
  }

  /** The handle that fires next, without removing it. */
  peek(): Handle | undefined {
    return this.#items[0];
  }

  push(handle: Handle): void {
    const items = this.#items;
    let i = items.length;
    items.push(handle);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = items[parent]!;
      if (!before(handle, p)) break;
      items[i] = p;
      i = parent;
    }
    items[i] = handle;
  }

  /** Removes and returns the handle that fires next. */
  pop(): Handle | undefined {
    const items = this.#items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined || items.length === 0) return top;
    const n = items.length;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      let c = l;
      let child = items[l]!;
      if (r < n && before(items[r]!, child)) {
        c = r;
        child = items[r]!;
      }
      if (!before(child, last)) break;
      items[i] = child;
      i = c;
    }
    items[i] = last;
    return top;
  }

  /** Drops every handle for which `keep` is false and restores heap order. */
  filter(keep: (handle: Handle) => boolean): void {
    const kept = this.#items.filter(keep);
    this.#items = [];
    for (const h of kept) this.push(h);
  }
}
