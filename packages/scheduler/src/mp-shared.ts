/**
 * What processes share: multiprocessing.Queue and Pipe (items are copied on the way, as pickle
 * does) and Value and Array (shared memory, with a lock from get_lock()). Every one of them is
 * passed to a child process as itself, not copied (structured-copy.ts).
 *
 * Value and Array mirror Python's trap: `v.value += 1` is a read then a write, so two processes
 * doing it lose updates unless they hold `v.get_lock()`. Here the read and the write are
 * `await v.load()` and `await v.store(x)`, two preemption points; `.value` reads and writes at
 * once, without a preemption point (for the top level, after join()).
 */
import { pass, waitIn } from "./blocking";
import { ValueError } from "./errors";
import { currentKernel } from "./kernel";
import { performBody } from "./perform";
import { Shared } from "./shared-memory";
import { markShared, structuredCopy } from "./structured-copy";
import { RLock } from "./thread-locks";
import { Queue as ThreadQueue } from "./thread-queue";
import { timeoutNs } from "./threads";

/** A queue between processes (multiprocessing.Queue): what is put is a copy. */
export class Queue<T = unknown> extends ThreadQueue<T> {
  constructor(maxsize = 0) {
    super(maxsize);
    markShared(this);
  }

  override _put(item: T): void {
    super._put(structuredCopy(item));
  }

  /** Does nothing (no feeder thread to stop here). */
  close(): void {}

  /** Does nothing (no feeder thread to wait for here). */
  join_thread(): void {}
}

/** A queue between processes whose consumers call task_done() (multiprocessing.JoinableQueue). */
export class JoinableQueue<T = unknown> extends Queue<T> {}

function* pollBody(c: Connection, timeout: number | null): Generator<unknown, boolean, unknown> {
  yield pass("Connection.poll()", undefined);
  const inbox = c._inbox;
  if (inbox._items.length > 0 || timeout === 0) return inbox._items.length > 0;
  const k = currentKernel();
  const deadline = timeout === null ? null : k.world.clock.now + timeout;
  while (inbox._items.length === 0) {
    const left = deadline === null ? null : deadline - k.world.clock.now;
    if (left !== null && left <= 0) return false;
    yield waitIn(inbox._notEmpty, "Connection.poll()", null, left);
  }
  return true;
}

/** One end of a Pipe (multiprocessing.connection.Connection). */
export class Connection {
  readonly _inbox = new ThreadQueue<unknown>();
  _peer: Connection | null = null;
  _closed = false;
  readonly _readable: boolean;
  readonly _writable: boolean;

  constructor(readable: boolean, writable: boolean) {
    this._readable = readable;
    this._writable = writable;
    markShared(this);
  }

  /** Sends a copy of `obj` to the other end (never blocks). @throws OSError-like errors when closed. */
  send(obj: unknown): void {
    if (this._closed) throw new ValueError("handle is closed");
    if (!this._writable) throw new ValueError("connection is read-only");
    const inbox = this._peer!._inbox;
    inbox._put(structuredCopy(obj));
    const t = inbox._notEmpty.shift();
    if (t !== undefined) currentKernel().wake(t, true);
  }

  /** Waits for the next object sent from the other end. Awaited inside a thread. */
  recv(): unknown {
    if (this._closed) throw new ValueError("handle is closed");
    if (!this._readable) throw new ValueError("connection is write-only");
    return this._inbox.get();
  }

  /** True if something can be received, waiting at most `timeout` seconds (0: do not wait, null: forever). */
  poll(timeout: number | null = 0): boolean {
    return performBody<boolean>(
      "poll",
      pollBody as never,
      this,
      timeout === null ? null : timeoutNs(timeout),
    );
  }

  /** Closes this end. */
  close(): void {
    this._closed = true;
  }

  /** True once closed. */
  get closed(): boolean {
    return this._closed;
  }

  toString(): string {
    return `<Connection${this._closed ? " closed" : ""}>`;
  }
}

/** Two connected ends (multiprocessing.Pipe); with duplex=false the first only receives. */
export function Pipe(duplex = true): [Connection, Connection] {
  const a = new Connection(true, duplex);
  const b = new Connection(duplex, true);
  a._peer = b;
  b._peer = a;
  return [a, b];
}

/** A number in shared memory (multiprocessing.Value), with a lock. */
export class Value<T = number> extends Shared<T> {
  readonly typecode: string;
  readonly #lock: RLock | null;

  /** `typecode` is Python's ("i" int, "d" double ...); lock=false gives no lock. */
  constructor(typecode: string, value: T, lock = true) {
    super(value, `Value('${typecode}')`);
    this.typecode = typecode;
    this.#lock = lock ? markShared(new RLock()) : null;
    markShared(this);
  }

  override get value(): T {
    return this._value;
  }

  override set value(v: T) {
    this._value = v;
  }

  /** The lock guarding the value. @throws ValueError if created with lock=false. */
  get_lock(): RLock {
    if (this.#lock === null) throw new ValueError("this Value has no lock (lock=false)");
    return this.#lock;
  }
}

/** An array in shared memory (multiprocessing.Array): one shared cell per item, and a lock. */
export class SharedArray<T = number> {
  readonly typecode: string;
  readonly _cells: Shared<T>[];
  readonly #lock: RLock;

  /** `init` is a length (filled with 0) or the initial items. */
  constructor(typecode: string, init: number | readonly T[]) {
    this.typecode = typecode;
    const items = typeof init === "number" ? (Array.from({ length: init }, () => 0) as T[]) : [...init];
    this._cells = items.map((v, i) => new Shared(v, `Array('${typecode}')[${i}]`));
    this.#lock = markShared(new RLock());
    markShared(this);
  }

  /** The number of items. */
  get length(): number {
    return this._cells.length;
  }

  /** Item `i`, read at once (no preemption point). */
  get(i: number): T {
    return this.#cell(i)._value;
  }

  /** Sets item `i` at once (no preemption point). */
  set(i: number, v: T): void {
    this.#cell(i)._value = v;
  }

  /** Reads item `i` (a preemption point). */
  load(i: number): T {
    return this.#cell(i).load();
  }

  /** Writes item `i` (a preemption point). */
  store(i: number, v: T): undefined {
    return this.#cell(i).store(v);
  }

  /** The items now, as a list. */
  toArray(): T[] {
    return this._cells.map((c) => c._value);
  }

  /** The lock guarding the array. */
  get_lock(): RLock {
    return this.#lock;
  }

  #cell(i: number): Shared<T> {
    const c = this._cells[i < 0 ? this._cells.length + i : i];
    if (c === undefined) throw new RangeError("array index out of range");
    return c;
  }

  toString(): string {
    return `<SharedArray '${this.typecode}' ${JSON.stringify(this.toArray())}>`;
  }
}
