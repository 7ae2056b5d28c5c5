/**
 * PCT, probabilistic concurrency testing (Burckhardt, Kothari, Musuvathi, Nagarakatte, ASPLOS
 * 2010). Each thread gets a random priority when it is created, all above `depth`; the highest
 * priority runnable thread always runs; at d-1 change points drawn at random among the first
 * `steps` preemption points, the running thread's priority drops below every initial one. A bug
 * of depth d (d ordering constraints) is found with probability at least 1/(n * k^(d-1)) per
 * run, for n threads and k steps.
 */
import { Prng } from "./prng";
import type { ChoicePoint, Strategy } from "./strategy";

export class PctStrategy implements Strategy {
  readonly name = "pct";
  readonly #prng: Prng;
  /** Priority by thread id (ids are small integers: an array index, not a Map call, per candidate). */
  readonly #priority: number[] = [];
  /** Step index -> new (low) priority for the thread running there. */
  readonly #changes = new Map<number, number>();

  /** @param depth bug depth d (>= 1); @param steps estimated preemption points in a run. */
  constructor(seed: number, depth = 2, steps = 100) {
    this.#prng = new Prng(seed);
    const d = Math.max(1, Math.floor(depth));
    for (let i = 1; i < d; i++) this.#changes.set(1 + this.#prng.below(Math.max(1, steps)), d - i);
  }

  onSpawn(id: number): void {
    this.#priority[id] = this.#changes.size + 1 + this.#prng.next() * 1e6;
  }

  choose(point: ChoicePoint): number {
    const c = point.candidates;
    const drop = this.#changes.get(point.step);
    if (drop !== undefined && point.currentRunnable) this.#priority[c[0]!.id] = drop;
    let best = 0;
    let bestPriority = -1;
    for (let i = 0; i < c.length; i++) {
      const p = this.#priority[c[i]!.id] ?? 0;
      if (p > bestPriority) {
        bestPriority = p;
        best = i;
      }
    }
    return best;
  }
}
