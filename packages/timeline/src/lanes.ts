/**
 * toLanes: a run's trace as lanes of state spans, the data every timeline view draws.
 *
 * Each actor (asyncio task, thread) gets a lane and a small state machine fed by its trace
 * events: spawn and wake make it ready, run makes it running (and the actor that ran before it
 * ready again: one thread of code runs at a time in the kernel, one task at a time on a loop),
 * sleep makes it sleeping, block blocked (or waiting for I/O), cpu ready until gil-acquire puts
 * it on a core, exit done. Prints, lock traffic, shared-cell reads and writes and wake-ups are
 * markers. Machine lanes are derived: one per virtual core and one per process GIL (between
 * gil-acquire and gil-release), and one per process summarising its threads when the run has
 * more than one. The trace alone is read, so any RunResult from any host draws the same;
 * unknown event kinds are ignored. Lanes beyond the cap are summarised in one "N more" lane.
 */
import type { RunResult, TraceEvent } from "@interleave/scheduler";
import { ActorResolver } from "./actors";
import { aggregateLane } from "./aggregate";
import type { At, Lane, Lanes, Marker, MarkerKind, SpanState } from "./model";
import { classifyWait } from "./waits";

/** Options of toLanes. */
export interface LaneOptions {
  /** Most actor lanes kept (default 200); the rest become one "N more" lane. */
  maxLanes?: number;
}

const MARKERS: ReadonlySet<string> = new Set<MarkerKind>([
  "print",
  "acquire",
  "release",
  "wake",
  "load",
  "store",
  "cancel",
  "put",
  "get",
]);

interface Draft {
  lane: Lane;
  /** Sort key within the group: main thread, then tasks, then threads. */
  order: number;
  pid: number;
  state: SpanState | null;
  since: At;
  detail: string | undefined;
  /** Holds the GIL and a core (work() slice): another thread's `run` does not make it ready. */
  onCore: boolean;
}

function at(e: TraceEvent): At {
  return { time: e.time, seq: e.seq };
}

function setState(d: Draft, state: SpanState, when: At, detail?: string): void {
  if (d.state === state && d.detail === detail) return;
  close(d, when);
  d.state = state;
  d.since = when;
  d.detail = detail;
}

function close(d: Draft, when: At): void {
  if (d.state === null) return;
  // A span that lasts neither time nor events says nothing.
  if (when.seq === d.since.seq && when.time === d.since.time) return;
  d.lane.spans.push({
    state: d.state,
    start: d.since,
    end: when,
    ...(d.detail !== undefined && { detail: d.detail }),
  });
}

/** Builds one lane per task, thread, process (when several), virtual core and process GIL. */
export function toLanes(result: RunResult, options: LaneOptions = {}): Lanes {
  const trace = result.trace;
  const drafts = new Map<string, Draft>();
  const actors = new ActorResolver(trace);
  let creation = 0;
  let kernelRunner: Draft | null = null;
  const loopRunner = new Map<number, Draft>();
  const cores = new Map<number, Draft>();
  const gils = new Map<number, Draft>();
  const processExits = new Map<number, Marker>();

  const lane = (id: string, kind: Lane["kind"], label: string, group: string, depth: number): Lane => ({
    id,
    kind,
    label,
    group,
    depth,
    spans: [],
    markers: [],
    events: [],
  });

  const laneOf = (e: TraceEvent): Draft => {
    const a = actors.of(e);
    let d = drafts.get(a.id);
    if (d !== undefined) return d;
    const isMain = a === actors.main;
    const tid = a.kind === "thread" ? Number(a.id.slice(7)) || 0 : 0;
    // Within a process: its main thread, the tasks of its loop in creation order, then threads by id.
    const order =
      a.kind === "task"
        ? -1e9 + 0.5 + creation++ / 1e6
        : a.label === "MainThread"
          ? -1e9 + tid / 1e9
          : 1e9 + tid;
    d = {
      lane: lane(a.id, a.kind, a.label, a.process, a.kind === "task" ? 2 : 1),
      order,
      pid: a.pid,
      state: null,
      since: { time: 0, seq: 0 },
      detail: undefined,
      onCore: false,
    };
    drafts.set(a.id, d);
    if (isMain && a.id !== "thread:main") {
      // The main thread ran the program from the start: it is the one that spawned the others.
      setState(d, "running", { time: 0, seq: 0 });
      kernelRunner ??= d;
    }
    return d;
  };

  const machine = (map: Map<number, Draft>, n: number, make: () => Lane, order: number): Draft => {
    let d = map.get(n);
    if (d === undefined) {
      d = {
        lane: make(),
        order,
        pid: -1,
        state: null,
        since: { time: 0, seq: 0 },
        detail: undefined,
        onCore: false,
      };
      map.set(n, d);
    }
    return d;
  };

  for (const e of trace) {
    const d = laneOf(e);
    const when = at(e);
    d.lane.events.push(e.seq);
    const isTask = d.lane.kind === "task";
    const detail = e.detail;
    if (MARKERS.has(e.kind))
      d.lane.markers.push({ kind: e.kind as MarkerKind, at: when, text: detail ?? "" });
    switch (e.kind as string) {
      case "spawn":
        if (detail !== undefined && d.lane.subtitle === undefined) d.lane.subtitle = detail;
        setState(d, "ready", when, "just started");
        break;
      case "run": {
        const previous: Draft | null | undefined = isTask ? loopRunner.get(d.pid) : kernelRunner;
        if (previous !== undefined && previous !== null && previous !== d && previous.state === "running") {
          if (!previous.onCore) setState(previous, "ready", when, "preempted: another one runs");
        }
        if (isTask) loopRunner.set(d.pid, d);
        else kernelRunner = d;
        if (!d.onCore) setState(d, "running", when);
        break;
      }
      case "sleep":
        setState(d, "sleeping", when, detail);
        break;
      case "block": {
        // A thread's time.sleep() is recorded as sleep, then block on the same words.
        if (d.state === "sleeping" && detail === d.detail) break;
        setState(d, classifyWait(detail ?? ""), when, detail);
        break;
      }
      case "io":
        setState(d, "io", when, detail);
        break;
      case "wake":
        setState(d, "ready", when, detail === undefined ? "woken" : `woken: ${detail}`);
        break;
      case "cpu":
        // A task's work() runs on the loop (it stalls it); a thread's waits for its GIL and a core.
        setState(
          d,
          isTask ? "running" : "ready",
          when,
          isTask ? detail : `wants the CPU: ${detail ?? "work()"}`,
        );
        break;
      case "gil-acquire": {
        const core = e.core ?? 0;
        d.onCore = true;
        setState(d, "running", when, `on core ${core}`);
        const c = machine(cores, core, () => lane(`core:${core}`, "core", `core ${core}`, "", 0), core);
        setState(c, "running", when, `${processPrefix(e)}${d.lane.label}`);
        c.lane.events.push(e.seq);
        const pid = e.pid ?? 0;
        const g = machine(
          gils,
          pid,
          () =>
            lane(`gil:${pid}`, "gil", `GIL of ${e.process ?? "MainProcess"}`, e.process ?? "MainProcess", 1),
          -2e9 - 1,
        );
        setState(g, "running", when, `held by ${d.lane.label}`);
        g.lane.events.push(e.seq);
        break;
      }
      case "gil-release": {
        d.onCore = false;
        if (d.state === "running") setState(d, "ready", when, "its CPU slice ended");
        const c = cores.get(e.core ?? 0);
        if (c !== undefined) {
          close(c, when);
          c.state = null;
          c.lane.events.push(e.seq);
        }
        const g = gils.get(e.pid ?? 0);
        if (g !== undefined) {
          close(g, when);
          g.state = null;
          g.lane.events.push(e.seq);
        }
        break;
      }
      case "exit":
        if (detail?.startsWith("process ")) {
          // A child process ended: the process's marker, not a change of the thread that saw it.
          processExits.set(d.pid, { kind: "exit", at: when, text: detail });
          break;
        }
        d.lane.markers.push({ kind: "exit", at: when, text: detail ?? "" });
        setState(d, "done", when, detail);
        if (kernelRunner === d) kernelRunner = null;
        if (loopRunner.get(d.pid) === d) loopRunner.delete(d.pid);
        break;
    }
  }

  const end: At = { time: Math.max(result.time, trace.at(-1)?.time ?? 0), seq: trace.length };
  for (const d of [...drafts.values(), ...cores.values(), ...gils.values()]) close(d, end);

  // Order: cores, then each process (pid order): its summary, its GIL, its main thread, the
  // tasks of its loop in creation order, its other threads by id.
  const ordered = [...drafts.values()].sort((a, b) => a.pid - b.pid || a.order - b.order);
  const cap = Math.max(1, options.maxLanes ?? 200);
  const shown = ordered.slice(0, cap).map((d) => d.lane);
  const hidden = ordered.slice(cap).map((d) => d.lane);

  const lanes: Lane[] = [...cores.values()].sort((a, b) => a.order - b.order).map((d) => d.lane);
  const pids = [...new Set(ordered.map((d) => d.pid))].sort((a, b) => a - b);
  const severalProcesses = actors.processes().size > 1;
  for (const pid of pids) {
    const mine = shown.filter((l) => drafts.get(l.id)?.pid === pid);
    if (severalProcesses) {
      const name = actors.processName(pid) ?? `pid ${pid}`;
      const threads = ordered.filter((d) => d.pid === pid && d.lane.kind === "thread").map((d) => d.lane);
      const summary = aggregateLane(threads, `process:${pid}`, "process", name, end);
      summary.group = name;
      summary.subtitle = `pid ${pid}`;
      const exit = processExits.get(pid);
      if (exit !== undefined) summary.markers.push(exit);
      lanes.push(summary);
    }
    const gil = gils.get(pid);
    if (gil !== undefined) lanes.push(gil.lane);
    // Tasks sit under the thread that runs their loop, when the run has threads.
    const hasThreads = mine.some((l) => l.kind === "thread");
    for (const l of mine) if (l.kind === "task") l.depth = hasThreads ? 2 : 1;
    lanes.push(...mine);
  }
  const more =
    hidden.length === 0
      ? null
      : { count: hidden.length, lane: aggregateLane(hidden, "more", "more", `${hidden.length} more`, end) };

  return {
    lanes,
    more,
    end,
    scale: end.time > 0 ? "time" : "events",
    summary: summarise(result, ordered.length),
  };
}

function processPrefix(e: TraceEvent): string {
  return e.process !== undefined && e.process !== "MainProcess" ? `${e.process}/` : "";
}

function summarise(result: RunResult, actors: number): string {
  const what = result.stats.threads !== undefined ? "threads and tasks" : "tasks";
  const ended =
    result.status === "ok"
      ? "ended normally"
      : `ended with ${result.status}${result.error ? `: ${result.error.type}` : ""}`;
  return `A run of ${actors} ${what} over ${result.time} virtual seconds (${result.trace.length} events) that ${ended}.`;
}
