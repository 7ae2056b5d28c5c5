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

/**
 * A binary min-heap of timer handles ordered by (deadline, tick, insertion sequence). Ties never
 * depend on heap shape, unlike heapq over bare deadlines. The keys live in one Float64Array
 * (three numbers per entry), so sifting compares contiguous numbers instead of visiting handles
 * scattered over the heap: with 100,000 sleeping tasks that is most of a wakeup's cost.
 * Cancelled handles stay until they reach the top or the owner rebuilds the heap without them
 * (asyncio's lazy deletion). Plain fields, not #private ones: a bundle lowered below ES2022
 * turns each #field access into a WeakMap lookup.
 */
export class TimerHeap {
  _items: (Handle | undefined)[] = [];
  _keys = new Float64Array(3 * 64);
  _size = 0;

  get size(): number {
    return this._size;
  }

  /** The handle that fires next, without removing it. */
  peek(): Handle | undefined {
    return this._size > 0 ? this._items[0] : undefined;
  }

  push(handle: Handle): void {
    if (3 * (this._size + 1) > this._keys.length) {
      const keys = new Float64Array(this._keys.length * 2);
      keys.set(this._keys);
      this._keys = keys;
    }
    const keys = this._keys;
    const items = this._items;
    const w = handle._when;
    const t = handle._tick;
    const s = handle._seq;
    let i = this._size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pw = keys[3 * p]!;
      if (pw < w) break;
      if (pw === w) {
        const pt = keys[3 * p + 1]!;
        if (pt < t || (pt === t && keys[3 * p + 2]! < s)) break;
      }
      keys[3 * i] = pw;
      keys[3 * i + 1] = keys[3 * p + 1]!;
      keys[3 * i + 2] = keys[3 * p + 2]!;
      items[i] = items[p];
      i = p;
    }
    keys[3 * i] = w;
    keys[3 * i + 1] = t;
    keys[3 * i + 2] = s;
    items[i] = handle;
  }

  /** Removes and returns the handle that fires next. */
  pop(): Handle | undefined {
    const n = this._size;
    if (n === 0) return undefined;
    const items = this._items;
    const keys = this._keys;
    const top = items[0];
    const last = n - 1;
    this._size = last;
    if (last === 0) {
      items[0] = undefined;
      return top;
    }
    const h = items[last]!;
    items[last] = undefined;
    const w = keys[3 * last]!;
    const t = keys[3 * last + 1]!;
    const s = keys[3 * last + 2]!;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= last) break;
      let c = l;
      const r = l + 1;
      if (r < last) {
        const lw = keys[3 * l]!;
        const rw = keys[3 * r]!;
        if (rw < lw || (rw === lw && lessTickSeq(keys, r, l))) c = r;
      }
      const cw = keys[3 * c]!;
      if (cw > w) break;
      if (cw === w) {
        const ct = keys[3 * c + 1]!;
        if (ct > t || (ct === t && keys[3 * c + 2]! > s)) break;
      }
      keys[3 * i] = cw;
      keys[3 * i + 1] = keys[3 * c + 1]!;
      keys[3 * i + 2] = keys[3 * c + 2]!;
      items[i] = items[c];
      i = c;
    }
    keys[3 * i] = w;
    keys[3 * i + 1] = t;
    keys[3 * i + 2] = s;
    items[i] = h;
    return top;
  }

  /** Drops every handle for which `keep` is false and restores heap order. */
  filter(keep: (handle: Handle) => boolean): void {
    const kept: Handle[] = [];
    for (let i = 0; i < this._size; i++) {
      const h = this._items[i]!;
      if (keep(h)) kept.push(h);
    }
    this._items = [];
    this._size = 0;
    for (const h of kept) this.push(h);
  }
}

/** Entry a's (tick, seq) is below entry b's (their deadlines being equal). */
function lessTickSeq(keys: Float64Array, a: number, b: number): boolean {
  const at = keys[3 * a + 1]!;
  const bt = keys[3 * b + 1]!;
  return at < bt || (at === bt && keys[3 * a + 2]! < keys[3 * b + 2]!);
}
