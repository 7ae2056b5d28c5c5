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
  // Fields are `declare`d and set in the constructor, as Coroutine's (see there).
  declare _fn: Callback;
  declare _a: unknown;
  declare _b: unknown;
  declare _when: number;
  declare _seq: number;
  declare _tick: number;
  declare _cancelled: boolean;
  /** True while the handle sits in a timer heap. */
  declare _scheduled: boolean;
  declare _owner: HandleOwner | null;

  constructor(fn: Callback, a: unknown, b: unknown, when: number, seq: number, owner: HandleOwner | null) {
    this._tick = 0;
    this._cancelled = false;
    this._scheduled = false;
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
 * depend on heap shape, unlike heapq over bare deadlines. The keys live in Float64Arrays beside
 * the handles, so sifting compares numbers instead of visiting handles scattered over the heap:
 * with 100,000 sleeping tasks that is most of a wakeup's cost. pop() sifts bottom-up, as heapq's
 * _siftup does: the last entry, which takes the top's place, nearly always belongs near the
 * bottom, so it walks the smaller child up to a leaf with one comparison per level, then sifts
 * the entry up from there (rarely more than a level). In an interpreter pop() is a third of a
 * wakeup, so its operations are counted: no index arithmetic per key, no helper calls.
 * Cancelled handles stay until they reach the top or the owner rebuilds the heap without them
 * (asyncio's lazy deletion).
 */
export class TimerHeap {
  _items: (Handle | undefined)[] = [];
  _whens = new Float64Array(64);
  _ticks = new Float64Array(64);
  _seqs = new Float64Array(64);
  _size = 0;

  get size(): number {
    return this._size;
  }

  /** The handle that fires next, without removing it. */
  peek(): Handle | undefined {
    return this._size > 0 ? this._items[0] : undefined;
  }

  push(handle: Handle): void {
    if (this._size === this._whens.length) this._grow();
    const whens = this._whens;
    const ticks = this._ticks;
    const seqs = this._seqs;
    const items = this._items;
    const w = handle._when;
    const t = handle._tick;
    const s = handle._seq;
    let i = this._size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pw = whens[p]!;
      if (pw < w || (pw === w && (ticks[p]! < t || (ticks[p] === t && seqs[p]! < s)))) break;
      whens[i] = pw;
      ticks[i] = ticks[p]!;
      seqs[i] = seqs[p]!;
      items[i] = items[p];
      i = p;
    }
    whens[i] = w;
    ticks[i] = t;
    seqs[i] = s;
    items[i] = handle;
  }

  /** Removes and returns the handle that fires next. */
  pop(): Handle | undefined {
    const n = this._size;
    if (n === 0) return undefined;
    const items = this._items;
    const top = items[0];
    const last = n - 1;
    this._size = last;
    const h = items[last]!;
    items[last] = undefined;
    if (last === 0) return top;
    const whens = this._whens;
    const ticks = this._ticks;
    const seqs = this._seqs;
    // Walk the smaller child up into the hole, down to a leaf.
    let i = 0;
    let c = 1;
    while (c < last) {
      const r = c + 1;
      if (r < last) {
        const cw = whens[c]!;
        const rw = whens[r]!;
        if (
          rw < cw ||
          (rw === cw && (ticks[r]! < ticks[c]! || (ticks[r] === ticks[c] && seqs[r]! < seqs[c]!)))
        )
          c = r;
      }
      whens[i] = whens[c]!;
      ticks[i] = ticks[c]!;
      seqs[i] = seqs[c]!;
      items[i] = items[c];
      i = c;
      c = 2 * i + 1;
    }
    // Put the last entry in the hole and sift it up to its place.
    const w = whens[last]!;
    const t = ticks[last]!;
    const s = seqs[last]!;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pw = whens[p]!;
      if (pw < w || (pw === w && (ticks[p]! < t || (ticks[p] === t && seqs[p]! < s)))) break;
      whens[i] = pw;
      ticks[i] = ticks[p]!;
      seqs[i] = seqs[p]!;
      items[i] = items[p];
      i = p;
    }
    whens[i] = w;
    ticks[i] = t;
    seqs[i] = s;
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

  _grow(): void {
    const size = this._whens.length * 2;
    const whens = new Float64Array(size);
    const ticks = new Float64Array(size);
    const seqs = new Float64Array(size);
    whens.set(this._whens);
    ticks.set(this._ticks);
    seqs.set(this._seqs);
    this._whens = whens;
    this._ticks = ticks;
    this._seqs = seqs;
  }
}
