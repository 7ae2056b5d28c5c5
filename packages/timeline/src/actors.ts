/**
 * Who a trace event belongs to: an asyncio task (`task:Task-2`, or `task:1001:Task-2` in a child
 * process), a thread (`thread:<tid>`), or the main thread when an event names neither (a
 * top-level print). Lanes and replay use the same ids, so a view can point from one to the other.
 */
import type { TraceEvent } from "@interleave/scheduler";

/** An actor of the run: a task or a thread. */
export interface Actor {
  id: string;
  kind: "task" | "thread";
  /** Task-2, Thread-1 (worker), MainThread. */
  label: string;
  /** MainProcess, Process-1 ... */
  process: string;
  pid: number;
}

/** Resolves events to actors; create one per trace (it pre-scans for the main thread). */
export class ActorResolver {
  readonly #byName = new Map<string, Actor>();
  readonly #actors = new Map<string, Actor>();
  readonly #processes = new Map<number, string>();
  readonly #main: Actor;
  readonly mainPid: number;

  constructor(trace: readonly TraceEvent[]) {
    const first = trace.find(
      (e) => e.thread === "MainThread" && e.process === "MainProcess" && e.tid !== undefined,
    );
    this.mainPid = first?.pid ?? 0;
    this.#main = {
      id: first === undefined ? "thread:main" : `thread:${first.tid}`,
      kind: "thread",
      label: "MainThread",
      process: "MainProcess",
      pid: this.mainPid,
    };
    this.#processes.set(this.mainPid, "MainProcess");
  }

  /** The main thread of the main process. */
  get main(): Actor {
    return this.#main;
  }

  /** The process named by `pid`, once an event of it was seen. */
  processName(pid: number): string | undefined {
    return this.#processes.get(pid);
  }

  /** Every process seen, by pid. */
  processes(): ReadonlyMap<number, string> {
    return this.#processes;
  }

  /** The actor `e` belongs to. */
  of(e: TraceEvent): Actor {
    if (e.task !== null) return this.#task(e);
    if (e.tid !== undefined) return this.#thread(e);
    if (e.thread !== undefined) return this.#byName.get(e.thread) ?? this.#main;
    return this.#main;
  }

  #task(e: TraceEvent): Actor {
    const pid = e.pid ?? this.mainPid;
    const id = pid === this.mainPid ? `task:${e.task}` : `task:${pid}:${e.task}`;
    let actor = this.#actors.get(id);
    if (actor === undefined) {
      actor = { id, kind: "task", label: e.task!, process: this.#processes.get(pid) ?? "MainProcess", pid };
      this.#actors.set(id, actor);
    }
    return actor;
  }

  #thread(e: TraceEvent): Actor {
    const id = `thread:${e.tid}`;
    let actor = this.#actors.get(id);
    if (actor !== undefined) return actor;
    const pid = e.pid ?? this.mainPid;
    const process = e.process ?? "MainProcess";
    if (!this.#processes.has(pid)) this.#processes.set(pid, process);
    const label = e.thread ?? "MainThread";
    actor = id === this.#main.id ? this.#main : { id, kind: "thread", label, process, pid };
    this.#actors.set(id, actor);
    // Prints name their thread but carry no id: "Thread-1 (worker)", or "Process-1/MainThread".
    if (process === "MainProcess") this.#byName.set(label, actor);
    this.#byName.set(`${process}/${label}`, actor);
    return actor;
  }
}
