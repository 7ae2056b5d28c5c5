/**
 * Shared memory cells: the variables threads share, made explicit so that every load and
 * every store is a preemption point. `const v = await counter.load(); await
 * counter.store(v + 1)` can lose updates for real, because another thread may run between the
 * two; `await counter.add(1)` and `await counter.compare_and_set(a, b)` are single steps
 * (atomic). At the top level (the main thread) the same calls are made without await.
 */
import { pyRepr } from "./format";
import { currentKernel, type Kernel } from "./kernel";
import { perform } from "./perform";
import { Op, type SimThread } from "./sim-thread";

function loadExec(k: Kernel, t: SimThread, cell: unknown): void {
  const c = cell as Shared;
  if (k.world.tracing) k.trace("load", t, `${c.name} -> ${pyRepr(c._value)}`);
  k.resume(t, c._value);
}

function storeExec(k: Kernel, t: SimThread, cell: unknown, value: unknown): void {
  const c = cell as Shared;
  c._value = value;
  if (k.world.tracing) k.trace("store", t, `${c.name} <- ${pyRepr(value)}`);
  k.resume(t, undefined);
}

function addExec(k: Kernel, t: SimThread, cell: unknown, n: unknown): void {
  const c = cell as Shared<number>;
  c._value = c._value + (n as number);
  if (k.world.tracing) k.trace("store", t, `${c.name} += ${pyRepr(n)} -> ${pyRepr(c._value)}`);
  k.resume(t, c._value);
}

function casExec(k: Kernel, t: SimThread, cell: unknown, pair: unknown): void {
  const c = cell as Shared;
  const [expected, next] = pair as [unknown, unknown];
  const ok = Object.is(c._value, expected);
  if (ok) c._value = next;
  if (k.world.tracing) k.trace("store", t, `${c.name} compare_and_set ${ok ? "succeeded" : "failed"}`);
  k.resume(t, ok);
}

function exchangeExec(k: Kernel, t: SimThread, cell: unknown, value: unknown): void {
  const c = cell as Shared;
  const old = c._value;
  c._value = value;
  if (k.world.tracing) k.trace("store", t, `${c.name} <- ${pyRepr(value)} (was ${pyRepr(old)})`);
  k.resume(t, old);
}

// The calls' labels, made only when a message names the call (sim-thread.ts's OpLabel).
const loadLabel = (c: Shared) => `${c.name}.load()`;
const storeLabel = (c: Shared) => `${c.name}.store()`;
const addLabel = (c: Shared) => `${c.name}.add()`;
const casLabel = (c: Shared) => `${c.name}.compare_and_set()`;
const exchangeLabel = (c: Shared) => `${c.name}.exchange()`;

/** A variable shared by threads whose loads and stores are preemption points. */
export class Shared<T = unknown> {
  _value: T;
  readonly name: string;

  /** A cell holding `initial`; `name` labels it in the trace. */
  constructor(initial: T, name?: string) {
    this._value = initial;
    this.name = name ?? `shared-${currentKernel().nextId("shared")}`;
  }

  /** Reads the value (one preemption point). */
  load(): T {
    return perform<T>(new Op(loadLabel, loadExec, this));
  }

  /** Writes the value (one preemption point). */
  store(value: T): undefined {
    return perform<undefined>(new Op(storeLabel, storeExec, this, value));
  }

  /** Atomically adds `n` and returns the new value (one step: no update is lost). */
  add(this: Shared<number>, n: number): number {
    return perform<number>(new Op(addLabel, addExec, this, n));
  }

  /** Atomically sets `next` if the value is `expected`; true if it did. */
  compare_and_set(expected: T, next: T): boolean {
    return perform<boolean>(new Op(casLabel, casExec, this, [expected, next]));
  }

  /** Atomically sets `value` and returns the old one. */
  exchange(value: T): T {
    return perform<T>(new Op(exchangeLabel, exchangeExec, this, value));
  }

  /** The value now, read without a preemption point (for after join()). */
  get value(): T {
    return this._value;
  }

  toString(): string {
    return `<Shared ${this.name}=${pyRepr(this._value)}>`;
  }
}

/** A new shared cell (threading.shared). */
export function shared<T>(initial: T, name?: string): Shared<T> {
  return new Shared(initial, name);
}
