/**
 * A FIFO ring buffer: O(1) push at the back and shift at the front (the loop's ready queue).
 * Plain fields, not #private ones: the event loop reads `_size` on every pass, and a bundle
 * lowered below ES2022 turns each #field access into a WeakMap lookup.
 */
export class Deque<T> {
  _buf: (T | undefined)[] = dense(16);
  _head = 0;
  _size = 0;

  get length(): number {
    return this._size;
  }

  push(item: T): void {
    const buf = this._buf;
    if (this._size === buf.length) {
      this._grow();
      this.push(item);
      return;
    }
    buf[(this._head + this._size++) & (buf.length - 1)] = item;
  }

  /** Removes and returns the front item; undefined when empty. */
  shift(): T | undefined {
    if (this._size === 0) return undefined;
    const buf = this._buf;
    const head = this._head;
    const item = buf[head];
    buf[head] = undefined;
    this._head = (head + 1) & (buf.length - 1);
    this._size--;
    return item;
  }

  *[Symbol.iterator](): IterableIterator<T> {
    for (let i = 0; i < this._size; i++) yield this._buf[(this._head + i) & (this._buf.length - 1)] as T;
  }

  _grow(): void {
    const old = this._buf;
    const next: (T | undefined)[] = dense(old.length * 2);
    for (let i = 0; i < this._size; i++) next[i] = old[(this._head + i) & (old.length - 1)];
    this._buf = next;
    this._head = 0;
  }
}

/** An array of `n` undefined slots with no holes (QuickJS keeps only hole-free arrays fast). */
function dense<T>(n: number): (T | undefined)[] {
  const a: (T | undefined)[] = [];
  for (let i = 0; i < n; i++) a.push(undefined);
  return a;
}
