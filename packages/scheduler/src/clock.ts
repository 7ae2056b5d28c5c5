/**
 * Virtual time. Inside, time is an integer count of nanoseconds held in a number (exact up to
 * 2^53 ns, about 104 days), so sums never drift; the API speaks seconds, like Python.
 *
 * A real clock also moves a little between two reads. The event loop models that with `tick`,
 * a count of loop-clock reads below the nanosecond: each loop pass, each loop.time() and each
 * call_later() advances it, and a timer remembers the tick its deadline was computed at. Two
 * timers due at the same nanosecond then fire in tick order, which is the order a real
 * CPython run (whose clock drifts forward at every hop) fires them in: a chain of many short
 * sleeps ends a hair later than one long sleep to the same instant. Jumping to a timer's
 * deadline sets the tick to the timer's, as a real clock would read just that.
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
  /** Loop-clock reads since the time was last set (see above). */
  tick = 0;

  /** Moves the clock to `ns`; never backwards. */
  advanceTo(ns: number): void {
    if (ns > this.now) this.now = ns;
  }
}
