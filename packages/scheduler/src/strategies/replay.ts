import type { ChoicePoint, Strategy } from "./strategy";

/**
 * Replays recorded choices in order, then runs without preemption (index 0). Exhaustive search
 * uses it too: it replays a prefix, then explores what follows. `seen` records, for every
 * choice point, how many candidates there were and whether the current thread could go on.
 */
export class ReplayStrategy implements Strategy {
  readonly name: string;
  readonly #choices: readonly number[];
  #next = 0;
  /** Per choice point: number of candidates, and 1 if the current thread was runnable. */
  readonly seen: number[] = [];

  constructor(choices: readonly number[], name = "replay") {
    this.#choices = choices;
    this.name = name;
  }

  choose(point: ChoicePoint): number {
    const i = this.#next++;
    const n = point.candidates.length;
    this.seen.push(n, point.currentRunnable ? 1 : 0);
    const c = i < this.#choices.length ? this.#choices[i]! : 0;
    return c < n ? c : 0;
  }
}
