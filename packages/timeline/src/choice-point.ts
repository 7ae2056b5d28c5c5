/**
 * "Be the scheduler": the learner picks which thread runs at each preemption point.
 *
 * Design: no new runtime machinery. A run with threads records the index chosen at every choice
 * point (docs/exploration.md), and the replay strategy reruns a prefix of choices exactly, then
 * runs on without preemption. Virtual time makes a whole rerun cheap, so to show the choice
 * point after a prefix P we *probe* it: run P + [0], P + [1], ... until the strategy clamps an
 * index (the point has fewer candidates). Every probe agrees with the others up to the point and
 * differs right after it, so
 *
 * - the common prefix of two probes' traces is the world at the choice point (its replay state);
 * - the first event after it in probe j says who candidate j is (a `run` event for a switch,
 *   or the running thread's own next event when it keeps going), and the events that follow
 *   say what it will do next ("reads count and sees 3");
 * - probe 0 is also "what happens if nobody is preempted from here on", the session's result
 *   once the learner stops choosing.
 *
 * Candidates are in the kernel's order: the thread that ran last first (index 0 means "no
 * preemption"), then the other runnable threads by id. Cost: n + 1 runs for n candidates
 * (probing stops at the first clamped index), each a rerun of the whole program.
 */
import type { RunResult, TraceEvent } from "@interleave/scheduler";
import { ActorResolver } from "./actors";
import { describeEvent } from "./describe";

/** Runs the program with these choices replayed (then without preemption) and returns its result. */
export type ChoiceRunner = (choices: readonly number[]) => Promise<RunResult>;

/** One thread the learner may pick at a choice point. */
export interface ChoiceOption {
  /** The index to append to the schedule's choices. */
  index: number;
  /** Lane id of the thread (as toLanes and replay name it). */
  actor: string;
  /** Thread-2 (add_visits). */
  label: string;
  /** True for index 0 when the thread that ran last can go on (picking it is no preemption). */
  continues: boolean;
  /** What it does next, in words: "Thread-2 (add_visits) reads count and sees 0." */
  next: string;
}

/** A choice point: the world just before it and the threads that may run. */
export interface ChoicePoint {
  /** Its position among the run's choice points (the length of the prefix before it). */
  number: number;
  /** Index of the last trace event before the point (-1: before any). */
  step: number;
  options: ChoiceOption[];
  /** True when more threads could run than were probed (see probeChoicePoint's maxOptions). */
  truncated: boolean;
}

/** The outcome of probing the choice point after a prefix. */
export interface ProbeOutcome {
  /** The run of the prefix followed by no preemption: how it ends if nobody switches from here. */
  result: RunResult;
  /** The next choice point, or null when the run makes no more choices. */
  point: ChoicePoint | null;
}

/** Index of the first event where two traces differ (their common length if neither differs). */
export function divergence(a: readonly TraceEvent[], b: readonly TraceEvent[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (
      x.kind !== y.kind ||
      x.tid !== y.tid ||
      x.task !== y.task ||
      x.detail !== y.detail ||
      x.time !== y.time
    )
      return i;
  }
  return n;
}

/**
 * Reads the choice point after `prefix` from probe runs: `probes[j]` ran `prefix + [j]`, and each
 * probe's choice at the point was honoured (the caller stops at the first clamped index).
 * Returns null when probe 0 made no choice after the prefix (the run is over).
 */
export function readChoicePoint(prefix: readonly number[], probes: readonly RunResult[]): ChoicePoint | null {
  const first = probes[0];
  if (first === undefined || first.schedule.choices.length <= prefix.length) return null;
  // With one probe only (a caller that capped at 1), the point is where probe 0 goes on.
  let at = first.trace.length;
  for (let j = 1; j < probes.length; j++) at = Math.min(at, divergence(first.trace, probes[j]!.trace));
  const actors = new ActorResolver(first.trace);
  const options = probes.map((probe, index) => option(probe, index, at, actors));
  return { number: prefix.length, step: at - 1, options, truncated: false };
}

function option(probe: RunResult, index: number, at: number, actors: ActorResolver): ChoiceOption {
  const trace = probe.trace;
  const e = trace[at];
  if (e === undefined) {
    return { index, actor: "", label: `choice ${index}`, continues: false, next: "The program ends." };
  }
  const actor = actors.of(e);
  const continues = e.kind !== "run";
  // What the chosen thread does next: its first event after being given the CPU.
  let next = e;
  if (e.kind === "run") {
    const after = trace.slice(at + 1).find((x) => actors.of(x).id === actor.id);
    if (after !== undefined) next = after;
  }
  const what = next.kind === "run" ? `${actor.label} runs.` : describeEvent(next, actor.label);
  return { index, actor: actor.id, label: actor.label, continues, next: what.replace(/^At [^,]+, /, "") };
}

/**
 * Probes the choice point after `prefix` (n + 1 runs for n candidates, at most `maxOptions`).
 * @example const { result, point } = await probeChoicePoint((c) => runWith(c), [0, 1]);
 */
export async function probeChoicePoint(
  runner: ChoiceRunner,
  prefix: readonly number[],
  maxOptions = 16,
): Promise<ProbeOutcome> {
  const result = await runner(prefix);
  if (result.schedule.choices.length <= prefix.length) return { result, point: null };
  const probes: RunResult[] = [result];
  let truncated = false;
  for (let j = 1; ; j++) {
    const probe = await runner([...prefix, j]);
    if (probe.schedule.choices[prefix.length] !== j) break;
    if (j >= maxOptions) {
      truncated = true;
      break;
    }
    probes.push(probe);
  }
  const point = readChoicePoint(prefix, probes);
  return { result, point: point === null ? null : { ...point, truncated } };
}

/** The run cut just before trace event `end` (its trace and printed lines so far), e.g. the world at a choice point. */
export function runUntil(result: RunResult, end: number): RunResult {
  const trace = result.trace.slice(0, Math.max(0, end));
  const printed = trace.filter((e) => e.kind === "print").length;
  const last = trace[trace.length - 1];
  return { ...result, trace, output: result.output.slice(0, printed), time: last?.time ?? 0 };
}
