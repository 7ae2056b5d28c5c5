/**
 * Virtual time. Inside, time is an integer count of nanoseconds held in a number (exact up to
 * 2^53 ns, about 104 days), so sums never drift; the API speaks seconds, like Python.
 */

export const NS_PER_SECOND = 1_000_000_000;

/** Converts seconds to whole nanoseconds (rounded to the nearest); Infinity stays Infinity. */
export function secondsToNs(seconds: number): number {
  if (seconds === Number.POSITIVE_INFINITY || seconds === Number.NEGATIVE_INFINITY) return seconds;
  return Math.round(seconds * NS_PER_SECOND);
}

/** Converts nanoseconds to seconds. */
export function nsToSeconds(ns: number): number {
  return ns / NS_PER_SECOND;
}

/** Checks that `value` is a number of seconds a program may pass (finite or +Infinity, not NaN). */
export function checkSeconds(value: unknown, what: string): number {
  if (typeof value !== "number" || Number.isNaN(value)) {
    throw new TypeError(`${what} must be a number of seconds, got ${typeof value}`);
  }
  return value;
}

/** A clock that only moves forward. */
export class Clock {
  /** Virtual nanoseconds since the run began. */
  now = 0;

  /** Moves the clock to `ns`; never backwards. */
  advanceTo(ns: number): void {
    if (ns > this.now) this.now = ns;
  }
}
