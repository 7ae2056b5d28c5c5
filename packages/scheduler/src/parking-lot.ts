/**
 * A FIFO line of waiting tasks, each parked on a future (trio's ParkingLot idea). Every
 * asyncio primitive (Lock, Event, Condition, Semaphore, Barrier, Queue) keeps its waiters in
 * one of these, so they all wake in arrival order and report the same statistics.
 */
import { Future, runningLoop } from "./future";

/** Something tasks wait on, which can say what in words (for deadlock reports). */
export interface Blocker {
  _waitDescription(): string;
}

/** A FIFO line of futures, one per waiting task. */
export class ParkingLot {
  readonly _waiters: Future[] = [];
  readonly #blocker: Blocker;

  constructor(blocker: Blocker) {
    this.#blocker = blocker;
  }

  /** Number of futures in line (done or not). */
  get size(): number {
    return this._waiters.length;
  }

  /** Joins the line: a new future on the running loop, labelled with what it waits for. */
  park(label: string): Future {
    const fut = new Future(runningLoop());
    fut._label = label;
    fut._blocker = this.#blocker;
    this._waiters.push(fut);
    return fut;
  }

  /** Leaves the line (from a finally block); false if `fut` was not in it. */
  remove(fut: Future): boolean {
    const i = this._waiters.indexOf(fut);
    if (i < 0) return false;
    this._waiters.splice(i, 1);
    return true;
  }

  /** Removes and returns the first future, or undefined. */
  shift(): Future | undefined {
    return this._waiters.shift();
  }

  /** The first future in line, or undefined. */
  first(): Future | undefined {
    return this._waiters[0];
  }

  /** True if every future in line is cancelled (or the line is empty). */
  allCancelled(): boolean {
    return this._waiters.every((f) => f.cancelled());
  }

  /** Futures in line that are not done: tasks actually waiting. */
  waiting(): number {
    let n = 0;
    for (const f of this._waiters) if (!f.done()) n++;
    return n;
  }

  [Symbol.iterator](): IterableIterator<Future> {
    return this._waiters[Symbol.iterator]();
  }
}
