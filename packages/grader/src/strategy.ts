/** From the grader's strategy names to the scheduler's StrategySpec (plain data, so it crosses into the VM). */
import { RunRequestError } from "./errors";
import type { RunOptions } from "./executor";

type RunOptionsForStrategy = Pick<RunOptions, "seed" | "strategy" | "depth" | "steps" | "replay">;

/** The strategy names RunOptions.strategy accepts. */
export const STRATEGY_NAMES = ["round-robin", "random", "pct"] as const;

/** The scheduler's strategy for a request. @throws RunRequestError for an unknown name */
export function strategySpec(request: RunOptionsForStrategy) {
  const seed = request.seed ?? 0;
  if (request.replay) {
    return { kind: "replay" as const, choices: request.replay.choices, name: request.replay.strategy };
  }
  switch (request.strategy ?? "round-robin") {
    case "random":
      return { kind: "random" as const, seed };
    case "pct":
      return { kind: "pct" as const, seed, depth: request.depth ?? 2, steps: request.steps ?? 100 };
    case "round-robin":
    case "fifo":
      return { kind: "round-robin" as const };
    default:
      throw new RunRequestError(`unknown strategy '${request.strategy}': use round-robin, random or pct`);
  }
}
