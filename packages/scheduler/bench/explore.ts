/**
 * Schedules explored per second for a 2-thread counter (each thread: load, then store, twice),
 * under PCT and under exhaustive search (DFS, preemption bound 2). Exploration runs each
 * schedule as a whole program run without a trace, as explore() does.
 *
 * Standalone: npx tsx bench/explore.ts; bench/run.ts calls benchExplore().
 */

import type { Coroutine } from "../src/coroutine";
import { __coro } from "../src/coroutine";
import { explore, type Program } from "../src/explore";

/** The benchmark's program: two threads, a shared counter, read-then-write without a lock. */
export const counter2: Program = ({ threading }) => {
  const count = threading.shared(0, "count");
  const increment = function increment(): Coroutine {
    return __coro("increment", function* () {
      for (let i = 0; i < 2; i++) {
        const v = (yield count.load()) as number;
        yield count.store(v + 1);
      }
    });
  };
  const a = new threading.Thread({ target: increment });
  const b = new threading.Thread({ target: increment });
  a.start();
  b.start();
  a.join();
  b.join();
  return count.value;
};

/**
 * Runs at least `runs` schedules (DFS repeats its whole search) and times them, in wall-clock
 * seconds and in CPU seconds of this process (the fair figure on a shared, loaded machine).
 */
function rate(
  kind: "pct" | "dfs",
  runs: number,
): { runs: number; seconds: number; cpu: number; all: number } {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let done = 0;
  let all = 0;
  while (done < runs) {
    // The property always holds, so exploration runs every schedule it is allowed.
    const r = explore(
      counter2,
      { strategy: kind, runs: runs - done, preemptions: 2, seed: done },
      () => true,
    );
    done += r.runs;
    all = r.runs;
  }
  const c = process.cpuUsage(c0);
  return { runs: done, seconds: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6, all };
}

/** Prints schedules per second (wall clock and per CPU second) under PCT and DFS; returns the CPU rates. */
export function benchExplore(): { pct: number; dfs: number } {
  rate("pct", 20_000); // warm up the JIT
  rate("dfs", 5_000);
  const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
  const out = { pct: 0, dfs: 0 };
  console.log("explore: 2-thread counter (load, store, twice each), schedules run per second");
  for (const kind of ["pct", "dfs"] as const) {
    let best = 0;
    let bestCpu = 0;
    let runs = 0;
    for (let i = 0; i < 3; i++) {
      const r = rate(kind, 50_000);
      runs = r.all;
      best = Math.max(best, r.runs / r.seconds);
      bestCpu = Math.max(bestCpu, r.runs / r.cpu);
    }
    out[kind] = bestCpu;
    const what = kind === "pct" ? "PCT (depth 2)" : `DFS (bound 2, ${fmt(runs)} schedules in all)`;
    console.log(
      `  ${what}: ${fmt(bestCpu)} schedules per CPU second, ${fmt(best)} per wall-clock second (target >= 20,000)`,
    );
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) benchExplore();
