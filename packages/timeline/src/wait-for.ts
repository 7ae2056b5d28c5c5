/**
 * waitForGraph: who holds which lock and who waits for what, from a deadlocked run's result
 * (`deadlock.threads` for threads, `deadlock.waiting` for asyncio tasks), with the cycle found
 * and marked. Edges point along the wait: an actor waits for a lock (or a thread it joins, or a
 * resource), and a lock is held by an actor; a deadlock is a cycle actor -> lock -> actor ...
 * layoutWaitForGraph places the nodes on a circle, the cycle first and in its order, so the
 * cycle reads as a ring.
 */
import type { RunResult } from "@interleave/scheduler";

/** A node: an actor, a lock, or something else waited on (a queue, an event, a gather). */
export interface WaitNode {
  id: string;
  kind: "thread" | "task" | "lock" | "resource";
  label: string;
  inCycle: boolean;
}

/** An edge: `from` waits for `to` ("waits"), or lock `from` is held by `to` ("holds"). */
export interface WaitEdge {
  from: string;
  to: string;
  kind: "waits" | "holds";
  /** In words: "P0 waits for Lock-2", "Lock-2 is held by P1". */
  label: string;
  inCycle: boolean;
}

/** The wait-for graph of a deadlock. */
export interface WaitForGraph {
  nodes: WaitNode[];
  edges: WaitEdge[];
  /** Node ids around the cycle, in order (actor, lock, actor, lock ...), or null. */
  cycle: string[] | null;
  /** One sentence: the cycle in words, or who is blocked forever. */
  summary: string;
}

const LOCK = /^(\S+)\.acquire\(\)/;
const HELD_BY = /\(held by (.+)\)$/;
const JOIN = /^join\((.+)\)$/;
const TASK = /^(Task-\d+)(?: \(.*\))?$/;

/** The wait-for graph of `result` (empty when it did not deadlock). */
export function waitForGraph(result: RunResult): WaitForGraph {
  const nodes = new Map<string, WaitNode>();
  const edges: WaitEdge[] = [];
  const node = (id: string, kind: WaitNode["kind"], label: string): string => {
    if (!nodes.has(id)) nodes.set(id, { id, kind, label, inCycle: false });
    return id;
  };
  const actor = (kind: "thread" | "task", name: string) => node(`${kind}:${name}`, kind, name);
  const lock = (name: string) => node(`lock:${name}`, "lock", name);
  const waits = (from: string, to: string) =>
    edges.push({ from, to, kind: "waits", label: `${label(from)} waits for ${label(to)}`, inCycle: false });
  const holds = (l: string, by: string) =>
    edges.push({
      from: l,
      to: by,
      kind: "holds",
      label: `${label(l)} is held by ${label(by)}`,
      inCycle: false,
    });
  const label = (id: string) => nodes.get(id)?.label ?? id;

  const deadlock = result.deadlock;
  for (const t of deadlock?.threads ?? []) actor("thread", t.thread);
  for (const w of deadlock?.waiting ?? []) actor("task", w.task);
  for (const t of deadlock?.threads ?? []) {
    const me = actor("thread", t.thread);
    for (const held of t.holds) holds(lock(held), me);
    const onLock = LOCK.exec(t.waitsOn)?.[1];
    const joins = JOIN.exec(t.waitsOn)?.[1];
    if (onLock !== undefined) waits(me, lock(onLock));
    else if (joins !== undefined) waits(me, actor("thread", joins));
    else waits(me, node(`resource:${t.waitsOn}`, "resource", t.waitsOn));
  }
  for (const w of deadlock?.waiting ?? []) {
    const me = actor("task", w.task);
    const heldBy = HELD_BY.exec(w.waitsOn)?.[1];
    const task = TASK.exec(w.waitsOn)?.[1];
    if (heldBy !== undefined) {
      // asyncio locks have no names: one node per holder.
      const l = node(`lock:asyncio:${heldBy}`, "lock", `Lock held by ${heldBy}`);
      if (!edges.some((e) => e.from === l)) holds(l, actor("task", heldBy));
      waits(me, l);
    } else if (task !== undefined) waits(me, actor("task", task));
    else waits(me, node(`resource:${w.waitsOn}`, "resource", w.waitsOn));
  }

  const cycle = findCycle([...nodes.keys()], edges);
  if (cycle !== null) {
    const on = new Set(cycle);
    for (const id of cycle) nodes.get(id)!.inCycle = true;
    for (const [i, from] of cycle.entries()) {
      const to = cycle[(i + 1) % cycle.length]!;
      for (const e of edges) if (e.from === from && e.to === to && on.has(to)) e.inCycle = true;
    }
  }
  return { nodes: [...nodes.values()], edges, cycle, summary: summarise(result, cycle, nodes) };
}

/** The first cycle found by depth-first search, as node ids in order, or null. */
function findCycle(ids: readonly string[], edges: readonly WaitEdge[]): string[] | null {
  const out = new Map<string, string[]>();
  for (const e of edges) out.set(e.from, [...(out.get(e.from) ?? []), e.to]);
  const state = new Map<string, 1 | 2>();
  const path: string[] = [];
  const visit = (id: string): string[] | null => {
    state.set(id, 1);
    path.push(id);
    for (const next of out.get(id) ?? []) {
      if (state.get(next) === 1) return path.slice(path.indexOf(next));
      if (state.get(next) === undefined) {
        const found = visit(next);
        if (found !== null) return found;
      }
    }
    path.pop();
    state.set(id, 2);
    return null;
  };
  for (const id of ids) {
    if (state.get(id) !== undefined) continue;
    const found = visit(id);
    if (found !== null) return found;
  }
  return null;
}

function summarise(result: RunResult, cycle: string[] | null, nodes: Map<string, WaitNode>): string {
  if (result.deadlock === null) return "The run did not deadlock.";
  if (cycle === null) {
    const blocked = [...nodes.values()]
      .filter((n) => n.kind === "thread" || n.kind === "task")
      .map((n) => n.label);
    return `No cycle: ${blocked.join(", ")} wait for something nothing will ever do.`;
  }
  const parts: string[] = [];
  for (const [i, id] of cycle.entries()) {
    const n = nodes.get(id)!;
    const next = nodes.get(cycle[(i + 1) % cycle.length]!)!;
    if (n.kind === "lock") continue;
    const holder = next.kind === "lock" ? nodes.get(cycle[(i + 2) % cycle.length]!) : undefined;
    parts.push(
      holder
        ? `${n.label} waits for ${next.label}, held by ${holder.label}`
        : `${n.label} waits for ${next.label}`,
    );
  }
  return `Deadlock cycle: ${parts.join("; ")}.`;
}

/** A node's place in a drawing of `size` x `size`. */
export interface PlacedNode extends WaitNode {
  x: number;
  y: number;
}

/** Places the nodes on a circle: the cycle first, in order, then the others. */
export function layoutWaitForGraph(graph: WaitForGraph, size = 400): PlacedNode[] {
  const first = graph.cycle ?? [];
  const rest = graph.nodes.filter((n) => !first.includes(n.id)).map((n) => n.id);
  const order = [...first, ...rest];
  const r = size / 2 - 60;
  const c = size / 2;
  return order.map((id, i) => {
    const n = graph.nodes.find((m) => m.id === id)!;
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(1, order.length);
    return { ...n, x: Math.round(c + r * Math.cos(angle)), y: Math.round(c + r * Math.sin(angle)) };
  });
}

/** Longest node label drawn in full; longer ones end in "…" (the aria-label keeps them whole). */
const LABEL_CHARS = 14;

/**
 * A node's label as drawn and its font size: shrunk (down to 7 px) so that it fits its shape,
 * `radius` being the node circle's (a lock's square is a little smaller, a resource wider).
 */
export function nodeLabel(node: WaitNode, radius: number): { text: string; fontSize: number } {
  const text = node.label.length > LABEL_CHARS ? `${node.label.slice(0, LABEL_CHARS - 1)}…` : node.label;
  const room =
    node.kind === "lock" ? 2 * radius - 8 : node.kind === "resource" ? 2 * radius + 20 : 2 * radius;
  // About 0.6 em per character in a system sans-serif.
  const fontSize = Math.max(7, Math.min(11, Math.floor((room - 2) / (0.6 * text.length))));
  return { text, fontSize };
}
