import { describe, expect, it } from "vitest";
import { exercise, PHILOSOPHERS, runSource } from "./test-programs";
import { layoutWaitForGraph, nodeLabel, waitForGraph } from "./wait-for";
import { renderWaitForGraphSvg } from "./wait-for-svg";

describe("waitForGraph", () => {
  it("finds the five philosophers' cycle: each waits for a fork the next one holds", () => {
    const graph = waitForGraph(runSource(PHILOSOPHERS));
    expect(graph.cycle).toEqual([
      "thread:P0",
      "lock:Lock-2",
      "thread:P1",
      "lock:Lock-3",
      "thread:P2",
      "lock:Lock-4",
      "thread:P3",
      "lock:Lock-5",
      "thread:P4",
      "lock:Lock-1",
    ]);
    expect(graph.summary).toBe(
      "Deadlock cycle: P0 waits for Lock-2, held by P1; P1 waits for Lock-3, held by P2; P2 waits for Lock-4, held by P3; " +
        "P3 waits for Lock-5, held by P4; P4 waits for Lock-1, held by P0.",
    );
    expect(graph.edges.filter((e) => e.inCycle)).toHaveLength(10);
    expect(graph.edges.find((e) => e.from === "lock:Lock-2")).toMatchObject({
      to: "thread:P1",
      kind: "holds",
      label: "Lock-2 is held by P1",
      inCycle: true,
    });
  });

  it("keeps the main thread, waiting to join P0, outside the cycle", () => {
    const graph = waitForGraph(runSource(PHILOSOPHERS));
    expect(graph.nodes.find((n) => n.label === "MainThread")).toMatchObject({ inCycle: false });
    expect(graph.edges).toContainEqual({
      from: "thread:MainThread",
      to: "thread:P0",
      kind: "waits",
      label: "MainThread waits for P0",
      inCycle: false,
    });
  });

  it("finds a cycle between two asyncio tasks, naming each lock by its holder", () => {
    const result = runSource(`import { asyncio } from "interleave";
const a = new asyncio.Lock();
const b = new asyncio.Lock();
async function one() { await a.acquire(); await asyncio.sleep(0.1); await b.acquire(); }
async function two() { await b.acquire(); await asyncio.sleep(0.1); await a.acquire(); }
async function main() { await asyncio.gather(one(), two()); }
asyncio.run(main());`);
    const graph = waitForGraph(result);
    expect(graph.cycle).toEqual(["task:Task-2", "lock:asyncio:Task-3", "task:Task-3", "lock:asyncio:Task-2"]);
    expect(graph.nodes.find((n) => n.id === "task:Task-1")?.inCycle).toBe(false);
  });

  it("says who is blocked forever when there is no cycle", () => {
    const result = runSource(`import { queue, threading } from "interleave";
const q = new queue.Queue();
async function worker() { await q.get(); }
const t = new threading.Thread({ target: worker });
t.start();
t.join();`);
    const graph = waitForGraph(result);
    expect(graph.cycle).toBeNull();
    expect(graph.summary).toBe(
      "No cycle: MainThread, Thread-1 (worker) wait for something nothing will ever do.",
    );
    expect(graph.nodes.map((n) => n.kind).sort()).toEqual(["resource", "thread", "thread"]);
  });

  it("is empty for a run that did not deadlock", () => {
    const graph = waitForGraph(runSource(exercise("12-asyncio/three-clients/solution.ts")));
    expect(graph).toEqual({ nodes: [], edges: [], cycle: null, summary: "The run did not deadlock." });
  });

  it("lays the cycle out first, around a circle", () => {
    const graph = waitForGraph(runSource(PHILOSOPHERS));
    const placed = layoutWaitForGraph(graph, 400);
    expect(placed.map((n) => n.id).slice(0, 10)).toEqual(graph.cycle);
    expect(placed[0]).toMatchObject({ x: 200, y: 60 });
    for (const n of placed) expect(Math.hypot(n.x - 200, n.y - 200)).toBeCloseTo(140, -1);
  });
});

describe("renderWaitForGraphSvg", () => {
  it("draws the philosophers' cycle as a standalone, named SVG", () => {
    const svg = renderWaitForGraphSvg(waitForGraph(runSource(PHILOSOPHERS)), { title: "Five philosophers" });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('<title id="wfg-title">Five philosophers</title>');
    expect(svg).toContain("Deadlock cycle: P0 waits for Lock-2, held by P1;");
    expect(svg.match(/class="edge edge-cycle"/g)).toHaveLength(10);
    expect(svg).toContain('aria-label="thread P3, in the cycle"');
    expect(svg).toContain("<title>Lock-2 is held by P1</title>");
  });
});

describe("nodeLabel", () => {
  it("keeps short names at 11 px, shrinks MainThread to fit its circle, and cuts long names", () => {
    const node = (label: string, kind: "thread" | "lock" = "thread") => ({
      id: label,
      kind,
      label,
      inCycle: false,
    });
    expect(nodeLabel(node("P0"), 22)).toEqual({ text: "P0", fontSize: 11 });
    const main = nodeLabel(node("MainThread"), 22);
    expect(main.fontSize).toBeLessThan(11);
    expect(main.fontSize * 0.6 * "MainThread".length).toBeLessThanOrEqual(44);
    expect(nodeLabel(node("Thread-12 (add_visits)"), 22)).toEqual({ text: "Thread-12 (ad…", fontSize: 7 });
  });
});
