import type { ChoicePoint, Strategy } from "./strategy";

/** Preemption points a thread keeps running through before round-robin hands over. */
export const DEFAULT_OPS_PER_SWITCH = 1000;

/**
 * The default: keep running the current thread until it blocks or has passed `opsPerSwitch`
 * preemption points, then hand over to the next thread by id. It stands for CPython's switch
 * interval (sys.getswitchinterval(), 5 ms): pure Python code that never blocks is rarely
 * interrupted, so read-modify-write races are rare but real. CPU work (work()) is sliced by
 * the GIL model itself, in switch-interval slices of virtual time.
 */
export class RoundRobin implements Strategy {
  readonly name = "round-robin";
  readonly #opsPerSwitch: number;
  #count = 0;

  constructor(opsPerSwitch = DEFAULT_OPS_PER_SWITCH) {
    this.#opsPerSwitch = Math.max(1, opsPerSwitch);
  }

  choose(point: ChoicePoint): number {
    const c = point.candidates;
    if (point.currentRunnable && ++this.#count < this.#opsPerSwitch) return 0;
    this.#count = 0;
    if (!point.currentRunnable) return 0;
    // The next thread after the current one by id, wrapping around.
    const current = c[0]!.id;
    let next = -1;
    let lowest = 1;
    for (let i = 1; i < c.length; i++) {
      const id = c[i]!.id;
      if (id > current && (next < 0 || id < c[next]!.id)) next = i;
      if (id < c[lowest]!.id) lowest = i;
    }
    return next >= 0 ? next : lowest;
  }
}
