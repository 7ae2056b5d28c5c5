/**
 * The floor under the wakeup bench: the same workload with no runtime at all. N bare generators
 * (the shape the compiler gives a student's async function) each yield their 10 delays, and one
 * loop pops the earliest timer from the runtime's TimerHeap and resumes its generator: no tasks,
 * no futures, no loop passes, no trace. What the runtime adds to a wakeup is the gap between this
 * and runWorkload(); what the machine gives is this.
 */
import { Handle, TimerHeap } from "../src/handle";
import { delays } from "./workload";

function* sleeper(my: number[]): Generator<number, void, unknown> {
  for (const d of my) yield d;
}

const noop = () => {};

/** Runs the bare workload for `n` generators; returns wakeups and CPU seconds. */
export function runFloor(n: number): { wakeups: number; cpu: number; seconds: number } {
  const plan = delays(n);
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const heap = new TimerHeap();
  let seq = 0;
  let now = 0;
  let wakeups = 0;
  const park = (h: Handle) => {
    const r = (h._a as Generator<number, void, unknown>).next();
    if (r.done === true) return;
    h._when = now + Math.round(r.value * 1e9);
    h._seq = seq++;
    heap.push(h);
  };
  for (const my of plan) park(new Handle(noop, sleeper(my), undefined, 0, 0, null));
  for (let h = heap.pop(); h !== undefined; h = heap.pop()) {
    now = h._when;
    wakeups++;
    park(h);
  }
  const used = process.cpuUsage(cpuStart);
  return { wakeups, cpu: (used.user + used.system) / 1e6, seconds: (performance.now() - start) / 1000 };
}
