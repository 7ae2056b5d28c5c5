/**
 * A schedule that breaks the program, found automatically and as small as possible: the fewest
 * choices that differ from the default schedule (every choice 0: nobody is preempted), then the
 * earliest. Search by whole reruns through the same runner "be the scheduler" uses: first the
 * default schedule itself, then every single deviation `[0 × i, j]` in order of i and j (an
 * index the strategy clamps means point i has no candidate j), then pairs, up to `maxRuns`.
 * This is preemption bounding (CHESS; Musuvathi and Qadeer, PLDI 2007) measured in changed
 * choices, which is what the learner edits; the scheduler's own explore("dfs") counts
 * preemptions instead and runs in the host, where the browser has only the sandbox.
 */
import type { RunResult } from "@interleave/scheduler";
import type { ChoiceRunner } from "./choice-point";

/** What the search found. */
export interface FoundSchedule {
  /** The choices that break the program (followed by no preemption). */
  choices: number[];
  /** Its run. */
  result: RunResult;
  /** How many choices differ from the default (0: the default schedule already breaks it). */
  changes: number;
  /** Runs the search took. */
  runs: number;
}

/** Options of findBreakingSchedule. */
export interface SearchOptions {
  /** Most reruns before giving up (default 400). */
  maxRuns?: number;
  /** Most changed choices to try (default 2). */
  maxChanges?: number;
}

/**
 * Finds a schedule whose run `breaks` (e.g. loses an update or deadlocks) with the fewest changed
 * choices, or null within the budget.
 */
export async function findBreakingSchedule(
  runner: ChoiceRunner,
  breaks: (result: RunResult) => boolean,
  options: SearchOptions = {},
): Promise<FoundSchedule | null> {
  const maxRuns = options.maxRuns ?? 400;
  const maxChanges = options.maxChanges ?? 2;
  let runs = 0;
  const base = await runner([]);
  runs++;
  if (breaks(base)) return { choices: [], result: base, changes: 0, runs };

  // Level k holds the schedules with k changed choices, each with the number of choice points
  // its run made (the positions where one more change can go).
  let level: { choices: number[]; points: number }[] = [
    { choices: [], points: base.schedule.choices.length },
  ];
  for (let changes = 1; changes <= maxChanges && level.length > 0; changes++) {
    const next: typeof level = [];
    for (const { choices: prefix, points } of level) {
      for (let i = prefix.length; i < points; i++) {
        for (let j = 1; ; j++) {
          if (runs >= maxRuns) return null;
          const choices = [...prefix, ...new Array<number>(i - prefix.length).fill(0), j];
          const result = await runner(choices);
          runs++;
          // Clamped: point i has no candidate j, so no more to try here.
          if (result.schedule.choices[i] !== j) break;
          if (breaks(result)) return { choices, result, changes, runs };
          next.push({ choices, points: result.schedule.choices.length });
        }
      }
    }
    level = next;
  }
  return null;
}
