import { Prng } from "./prng";
import type { ChoicePoint, Strategy } from "./strategy";

/** Seeded random: at every preemption point, any runnable thread with equal probability. */
export class RandomStrategy implements Strategy {
  readonly name = "random";
  readonly #prng: Prng;

  constructor(seed: number) {
    this.#prng = new Prng(seed);
  }

  choose(point: ChoicePoint): number {
    return this.#prng.below(point.candidates.length);
  }
}
