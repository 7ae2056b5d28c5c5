/**
 * replayState: the world after trace event k, for a step-forward/step-back replay view. Each
 * actor's status and where it is (its last action, and the source line when the trace carries
 * one), the shared cells' values (from load/store events) with the actors whose last read is now
 * stale (the lost update, visible), who holds each thread lock and who waits for it, and queue
 * waiters (and contents, when the trace records put/get). `Replay` keeps a snapshot every 256
 * events so that moving anywhere in a long run costs at most 256 events of work.
 */
import type { RunResult, TraceEvent } from "@interleave/scheduler";
import { type Actor, ActorResolver } from "./actors";
import { describeEvent } from "./describe";
import type { SpanState } from "./model";
import { classifyWait } from "./waits";

/** An actor's state at a step. */
export interface ActorState {
  /** The lane id of the same actor (toLanes). */
  id: string;
  kind: "task" | "thread";
  label: string;
  process: string;
  status: SpanState;
  /** What it waits on, when blocked, sleeping or waiting for I/O. */
  waitsOn?: string;
  /** Its last action in words: "read count -> 3", "waits: Lock-2.acquire()". */
  position: string;
  /** The source line of its last event, when the trace records lines. */
  line?: number;
  /** Locks it holds. */
  holds: string[];
}

/** A shared cell (threading.shared, a Value) as the trace has seen it. */
export interface CellState {
  name: string;
  /** Its value (Python repr), or "?" before anything wrote or read it. */
  value: string;
  /** Who wrote it last. */
  writer: string | null;
  /** Actors whose last read of the cell is no longer its value: their write will lose an update. */
  stale: string[];
}

/** A lock's holder and waiters. */
export interface LockState {
  name: string;
  holder: string | null;
  waiters: string[];
}

/** A queue's known items (when the trace records them) and waiters. */
export interface QueueState {
  name: string;
  items: string[];
  waiters: string[];
}

/** The world after event `step` (-1: before the first event). */
export interface ReplayState {
  step: number;
  /** Events in the trace: steps run from -1 to total - 1. */
  total: number;
  time: number;
  /** The event just applied, or null at the start. */
  event: TraceEvent | null;
  /** The event in words: "Thread-2 reads count (it is 3)". */
  description: string;
  /** Actors in order of appearance. */
  actors: ActorState[];
  cells: CellState[];
  locks: LockState[];
  queues: QueueState[];
  /** Lines printed so far. */
  printed: string[];
}

interface Cell {
  value: string;
  writer: string | null;
  reads: Record<string, string>;
}

interface World {
  actors: Record<string, ActorState>;
  order: string[];
  cells: Record<string, Cell>;
  cellOrder: string[];
  holders: Record<string, string | null>;
  lockOrder: string[];
  queues: Record<string, string[]>;
  queueOrder: string[];
  printed: string[];
  kernelRunner: string | null;
  loopRunner: Record<number, string>;
}

const CHECKPOINT = 256;
const LOCK_WAIT = /^(\S+)\.acquire\(\)/;
const QUEUE_WAIT = /^(\S*Queue\S*?|\S+)\.(get|put)\(\)/;

function empty(): World {
  return {
    actors: {},
    order: [],
    cells: {},
    cellOrder: [],
    holders: {},
    lockOrder: [],
    queues: {},
    queueOrder: [],
    printed: [],
    kernelRunner: null,
    loopRunner: {},
  };
}

/** A deep copy of the world (by hand: several times faster than structuredClone here). */
function copy(w: World): World {
  const actors: Record<string, ActorState> = {};
  for (const id of w.order) {
    const a = w.actors[id]!;
    actors[id] = { ...a, holds: a.holds.slice() };
  }
  const cells: Record<string, Cell> = {};
  for (const name of w.cellOrder) {
    const c = w.cells[name]!;
    cells[name] = { value: c.value, writer: c.writer, reads: { ...c.reads } };
  }
  const queues: Record<string, string[]> = {};
  for (const name of w.queueOrder) queues[name] = w.queues[name]!.slice();
  return {
    actors,
    order: w.order.slice(),
    cells,
    cellOrder: w.cellOrder.slice(),
    holders: { ...w.holders },
    lockOrder: w.lockOrder.slice(),
    queues,
    queueOrder: w.queueOrder.slice(),
    printed: w.printed.slice(),
    kernelRunner: w.kernelRunner,
    loopRunner: { ...w.loopRunner },
  };
}

function cell(w: World, name: string): Cell {
  let c = w.cells[name];
  if (c === undefined) {
    c = w.cells[name] = { value: "?", writer: null, reads: {} };
    w.cellOrder.push(name);
  }
  return c;
}

function lockSeen(w: World, name: string): void {
  if (!(name in w.holders)) {
    w.holders[name] = null;
    w.lockOrder.push(name);
  }
}

function queue(w: World, name: string): string[] {
  let q = w.queues[name];
  if (q === undefined) {
    q = w.queues[name] = [];
    w.queueOrder.push(name);
  }
  return q;
}

function apply(w: World, e: TraceEvent, actor: Actor): void {
  let a = w.actors[actor.id];
  if (a === undefined) {
    a = w.actors[actor.id] = {
      id: actor.id,
      kind: actor.kind,
      label: actor.label,
      process: actor.process,
      status: "running",
      position: "starts",
      holds: [],
    };
    w.order.push(actor.id);
  }
  const line = (e as { line?: unknown }).line;
  if (typeof line === "number") a.line = line;
  const detail = e.detail ?? "";
  const set = (status: SpanState, waitsOn?: string) => {
    a.status = status;
    if (waitsOn === undefined) delete a.waitsOn;
    else a.waitsOn = waitsOn;
  };
  switch (e.kind as string) {
    case "spawn":
      set("ready");
      a.position = `created: ${detail}`;
      break;
    case "run": {
      const previousId = actor.kind === "task" ? w.loopRunner[actor.pid] : w.kernelRunner;
      const previous = previousId === undefined || previousId === null ? undefined : w.actors[previousId];
      if (previous !== undefined && previous !== a && previous.status === "running")
        previous.status = "ready";
      if (actor.kind === "task") w.loopRunner[actor.pid] = actor.id;
      else w.kernelRunner = actor.id;
      set("running");
      break;
    }
    case "sleep":
      set("sleeping", detail);
      a.position = `sleeps: ${detail}`;
      break;
    case "block":
      if (a.status === "sleeping" && a.waitsOn === detail) break;
      set(classifyWait(detail), detail);
      a.position = `waits: ${detail}`;
      {
        const lock = LOCK_WAIT.exec(detail)?.[1];
        if (lock !== undefined && lock !== "Lock" && lock !== "Semaphore") lockSeen(w, lock);
        const q = QUEUE_WAIT.exec(detail);
        if (q !== null && /queue|pipe/i.test(q[1]!)) queue(w, q[1]!);
      }
      break;
    case "wake":
      set("ready");
      break;
    case "cpu":
      set(actor.kind === "task" ? "running" : "ready");
      a.position = `computes: ${detail}`;
      break;
    case "gil-acquire":
      set("running");
      a.position = `computes on ${detail}`;
      break;
    case "gil-release":
      if (a.status === "running") set("ready");
      break;
    case "exit":
      if (detail.startsWith("process ")) break;
      set("done");
      a.position = `finished: ${detail}`;
      break;
    case "print":
      w.printed.push(detail);
      a.position = `printed ${detail}`;
      break;
    case "acquire": {
      lockSeen(w, detail);
      w.holders[detail] = actor.id;
      if (!a.holds.includes(detail)) a.holds.push(detail);
      a.position = `took ${detail}`;
      break;
    }
    case "release": {
      lockSeen(w, detail);
      const owner = w.actors[w.holders[detail] ?? actor.id];
      if (owner !== undefined) owner.holds = owner.holds.filter((l) => l !== detail);
      w.holders[detail] = null;
      a.position = `released ${detail}`;
      break;
    }
    case "load": {
      const m = /^(.*?) -> (.*)$/.exec(detail);
      if (m !== null) {
        const c = cell(w, m[1]!);
        c.value = m[2]!;
        c.reads[actor.id] = m[2]!;
      }
      a.position = `read ${detail}`;
      break;
    }
    case "store": {
      const m = /^(\S+) (?:<- (.*?)(?: \(was .*\))?|\+= .* -> (.*))$/.exec(detail);
      if (m !== null) {
        const c = cell(w, m[1]!);
        c.value = m[2] ?? m[3]!;
        c.writer = actor.id;
        // The writer's own read is used up; the others' reads stay, and are stale if they differ.
        delete c.reads[actor.id];
      }
      a.position = `wrote ${detail}`;
      break;
    }
    case "put":
    case "get": {
      // Proposed trace format (not recorded yet): "q <- item" for put, "q -> item" for get.
      const m = /^(.*?) (<-|->) (.*)$/.exec(detail);
      if (m !== null) {
        const q = queue(w, m[1]!);
        if (m[2] === "<-") q.push(m[3]!);
        else {
          const i = q.indexOf(m[3]!);
          q.splice(Math.max(i, 0), 1);
        }
      }
      a.position = `${e.kind} ${detail}`;
      break;
    }
  }
}

function snapshot(w: World, result: RunResult, step: number, who: string | undefined): ReplayState {
  const event = step >= 0 ? (result.trace[step] ?? null) : null;
  const actors = w.order.map((id) => ({ ...w.actors[id]!, holds: [...w.actors[id]!.holds] }));
  const label = (id: string | null) => (id === null ? null : (w.actors[id]?.label ?? id));
  const waitersOf = (pattern: (waitsOn: string) => boolean) =>
    actors
      .filter((a) => a.waitsOn !== undefined && a.status !== "done" && pattern(a.waitsOn))
      .map((a) => a.label);
  return {
    step,
    total: result.trace.length,
    time: event?.time ?? 0,
    event,
    description: event === null ? "The program is about to start." : describeEvent(event, who),
    actors,
    cells: w.cellOrder.map((name) => {
      const c = w.cells[name]!;
      const stale = Object.entries(c.reads)
        .filter(([, v]) => v !== c.value)
        .map(([id]) => label(id)!);
      return { name, value: c.value, writer: label(c.writer), stale };
    }),
    locks: w.lockOrder.map((name) => ({
      name,
      holder: label(w.holders[name] ?? null),
      waiters: waitersOf((what) => what.startsWith(`${name}.acquire(`)),
    })),
    queues: w.queueOrder.map((name) => ({
      name,
      items: [...w.queues[name]!],
      waiters: waitersOf((what) => what.startsWith(`${name}.get(`) || what.startsWith(`${name}.put(`)),
    })),
    printed: [...w.printed],
  };
}

/** Random access to a run's replay states, with a snapshot every 256 events. */
export class Replay {
  readonly result: RunResult;
  readonly #actors: Actor[];
  readonly #checkpoints: World[] = [];

  constructor(result: RunResult) {
    this.result = result;
    const resolver = new ActorResolver(result.trace);
    this.#actors = result.trace.map((e) => resolver.of(e));
    let w = empty();
    const main = resolver.main;
    if (main.id !== "thread:main") {
      // A run with threads: the main thread runs the program from the start.
      const { id, kind, label, process } = main;
      w.actors[id] = { id, kind, label, process, status: "running", position: "runs the program", holds: [] };
      w.order.push(main.id);
      w.kernelRunner = main.id;
    }
    this.#checkpoints.push(copy(w));
    for (let i = 0; i < result.trace.length; i++) {
      apply(w, result.trace[i]!, this.#actors[i]!);
      if ((i + 1) % CHECKPOINT === 0) {
        this.#checkpoints.push(w);
        w = copy(w);
      }
    }
  }

  /** Steps run from -1 (the start) to this - 1 (after the last event). */
  get total(): number {
    return this.result.trace.length;
  }

  /** The world after event `step` (clamped to -1 .. total - 1). */
  at(step: number): ReplayState {
    const k = Math.max(-1, Math.min(this.total - 1, Math.floor(step)));
    const base = Math.floor((k + 1) / CHECKPOINT);
    const w = copy(this.#checkpoints[base]!);
    for (let i = base * CHECKPOINT; i <= k; i++) apply(w, this.result.trace[i]!, this.#actors[i]!);
    return snapshot(w, this.result, k, k >= 0 ? this.#actors[k]!.label : undefined);
  }
}

/** The world after trace event `step` (-1: before the first); see Replay for many steps. */
export function replayState(result: RunResult, step: number): ReplayState {
  return new Replay(result).at(step);
}
