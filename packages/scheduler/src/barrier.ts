/**
 * asyncio.Barrier: a fixed number of tasks wait until all have arrived, then all go on.
 * A port of CPython 3.11's implementation over a Condition, with its four states:
 * filling (tasks arriving), draining (all arrived, leaving), resetting, broken.
 */
import type { Coroutine } from "./coroutine";
import { BrokenBarrierError, ValueError } from "./errors";
import { Condition } from "./sync";
import { coroutine } from "./tasks-api";

type BarrierState = "filling" | "draining" | "resetting" | "broken";

function* block(b: Barrier): Generator<unknown, void, unknown> {
  yield b._cond.wait_for(() => b._state !== "draining" && b._state !== "resetting");
  if (b._state === "broken") throw new BrokenBarrierError("Barrier aborted");
}

function* waitForRelease(b: Barrier): Generator<unknown, void, unknown> {
  yield b._cond.wait_for(() => b._state !== "filling");
  if (b._state === "broken" || b._state === "resetting")
    throw new BrokenBarrierError("Abort or reset of barrier");
}

function* barrierWait(b: Barrier): Generator<unknown, number, unknown> {
  yield b._cond.acquire();
  try {
    yield* block(b);
    const index = b._count++;
    try {
      if (index + 1 === b._parties) {
        b._state = "draining";
        b._cond.notify_all();
      } else {
        yield* waitForRelease(b);
      }
      return index;
    } finally {
      b._count--;
      b._exit();
    }
  } finally {
    b._cond.release();
  }
}

function* barrierReset(b: Barrier): Generator<unknown, void, unknown> {
  yield b._cond.acquire();
  try {
    if (b._count > 0) {
      if (b._state !== "resetting") b._state = "resetting";
    } else b._state = "filling";
    b._cond.notify_all();
  } finally {
    b._cond.release();
  }
}

function* barrierAbort(b: Barrier): Generator<unknown, void, unknown> {
  yield b._cond.acquire();
  try {
    b._state = "broken";
    b._cond.notify_all();
  } finally {
    b._cond.release();
  }
}

/** Lets `parties` tasks wait for each other (asyncio.Barrier). */
export class Barrier {
  readonly _cond = new Condition();
  readonly _parties: number;
  _state: BarrierState = "filling";
  _count = 0;

  /** @throws ValueError if parties < 1. */
  constructor(parties: number) {
    if (!(parties >= 1)) throw new ValueError("parties must be > 0");
    this._parties = parties;
  }

  /** Waits until `parties` tasks are waiting; returns this task's arrival index (0 ...). */
  wait(): Coroutine<number> {
    return coroutine("wait", barrierWait, this);
  }

  /** Returns the barrier to empty; tasks waiting get BrokenBarrierError. */
  reset(): Coroutine<void> {
    return coroutine("reset", barrierReset, this);
  }

  /** Breaks the barrier: current and future wait() calls fail with BrokenBarrierError. */
  abort(): Coroutine<void> {
    return coroutine("abort", barrierAbort, this);
  }

  /** How many tasks the barrier waits for. */
  get parties(): number {
    return this._parties;
  }

  /** How many tasks are waiting now (while filling). */
  get n_waiting(): number {
    return this._state === "filling" ? this._count : 0;
  }

  /** True if the barrier is broken. */
  get broken(): boolean {
    return this._state === "broken";
  }

  /** What the barrier looks like now. */
  statistics(): { state: BarrierState; parties: number; waiting: number } {
    return { state: this._state, parties: this._parties, waiting: this.n_waiting };
  }

  toString(): string {
    const waiters = this.broken ? "" : `, waiters:${this.n_waiting}/${this._parties}`;
    return `<asyncio.locks.Barrier [${this._state}${waiters}]>`;
  }

  _exit(): void {
    if (this._count === 0 && (this._state === "resetting" || this._state === "draining"))
      this._state = "filling";
  }
}
