/**
 * CPU time, the GIL and cores. `work(s)` asks for `s` virtual seconds of CPU. A thread gets CPU
 * only while it holds its process's GIL and a core; it keeps them for one switch interval
 * (5 ms, like sys.getswitchinterval()) or until its work is done, then lets go and queues
 * again behind the threads that were waiting (CPython's forced GIL hand-off). So CPU work in
 * threads of one process takes turns and adds up; processes have their own GILs and run in
 * parallel, one per core. Sleeps, I/O waits and lock waits never hold the GIL.
 *
 * Simplification: code between two preemption points takes no virtual time and does not take
 * the GIL; only work() does.
 */
import type { Kernel } from "./kernel";
import type { SimThread } from "./sim-thread";
import { CPU, DONE } from "./sim-thread";

function sliceEnd(thread: unknown, cpu: unknown): void {
  (cpu as Cpu)._sliceEnd(thread as SimThread);
}

/** The machine's cores and each process's GIL. */
export class Cpu {
  readonly cores: number;
  readonly intervalNs: number;
  readonly #kernel: Kernel;
  /** Threads wanting CPU, in arrival order. */
  readonly #waiting: SimThread[] = [];
  /** Free core ids, lowest first. */
  readonly #freeCores: number[] = [];

  constructor(kernel: Kernel, cores: number, intervalNs: number) {
    this.#kernel = kernel;
    this.cores = Math.max(1, Math.floor(cores));
    this.intervalNs = Math.max(1, intervalNs);
    for (let i = 0; i < this.cores; i++) this.#freeCores.push(i);
  }

  /** `t` wants `ns` of CPU; it resumes once it has had them. */
  request(t: SimThread, ns: number): void {
    if (ns <= 0) {
      this.#kernel.resume(t, undefined);
      return;
    }
    t.status = CPU;
    t.wait = `work(${ns / 1e9})`;
    t.cpuLeft = ns;
    this.#waiting.push(t);
    this.#dispatch();
  }

  #dispatch(): void {
    const waiting = this.#waiting;
    for (let i = 0; i < waiting.length && this.#freeCores.length > 0; ) {
      const t = waiting[i]!;
      if (t.process.gil !== null) {
        i++;
        continue;
      }
      waiting.splice(i, 1);
      this.#grant(t);
    }
  }

  #grant(t: SimThread): void {
    const k = this.#kernel;
    t.process.gil = t;
    t.core = this.#freeCores.shift()!;
    t.slice = Math.min(this.intervalNs, t.cpuLeft);
    if (k.world.tracing) k.trace("gil-acquire", t, `core ${t.core}`, t.core);
    k.timerAt(k.world.clock.now + t.slice, sliceEnd, t, this);
  }

  /**
   * True if releasing `t`'s GIL and core at the end of its slice would grant them straight back
   * to `t`, on the same core: no waiting thread needs this process's GIL or a free core (one
   * whose own process's GIL is free), and no lower core is free (dispatch takes the lowest).
   */
  #keepsCpu(t: SimThread): boolean {
    for (const w of this.#waiting) {
      if (w.process === t.process || w.process.gil === null) return false;
    }
    const free = this.#freeCores;
    return free.length === 0 || free[0]! > t.core;
  }

  /** Forgets a thread that wants CPU (its process was terminated). */
  cancel(t: SimThread): void {
    const i = this.#waiting.indexOf(t);
    if (i >= 0) this.#waiting.splice(i, 1);
    t.cpuLeft = 0;
  }

  _sliceEnd(t: SimThread): void {
    const k = this.#kernel;
    const slice = t.slice;
    t.cpuLeft -= slice;
    t.process.cpuNs += slice;
    if (t.status !== DONE && t.cpuLeft > 0 && this.#keepsCpu(t)) {
      // Nobody else could take its GIL or its core now: a hand-off would give both straight back
      // (CPython forces a switch only when another thread waits for the GIL). Go on without one;
      // the slice ends at the next interval, where the same question is asked again.
      const next = Math.min(this.intervalNs, t.cpuLeft);
      t.slice = next;
      t.sliceRun += slice;
      k.timerAt(k.world.clock.now + next, sliceEnd, t, this);
      return;
    }
    const ran = t.sliceRun + slice;
    t.sliceRun = 0;
    t.process.gil = null;
    const core = t.core;
    t.core = -1;
    const free = this.#freeCores;
    let i = 0;
    while (i < free.length && free[i]! < core) i++;
    free.splice(i, 0, core);
    if (k.world.tracing) k.trace("gil-release", t, `ran ${ran / 1e9} s on core ${core}`, core);
    if (t.status === DONE) {
      // Terminated during its slice: nothing to resume.
    } else if (t.cpuLeft > 0) this.#waiting.push(t);
    else k.resume(t, undefined);
    this.#dispatch();
  }
}
