import type { RunResult } from "@interleave/scheduler";
import { beforeAll, describe, expect, it } from "vitest";
import { toLanes } from "./lanes";
import type { Lane, SpanState } from "./model";
import { CPU_WORK, exercise, manyTasks, PHILOSOPHERS, runSource } from "./test-programs";

/** The lane's states in order, as "state(detail)" words. */
function states(lane: Lane | undefined): string[] {
  return (lane?.spans ?? []).map((s) => (s.detail === undefined ? s.state : `${s.state}(${s.detail})`));
}

function find(lanes: Lane[], label: string): Lane {
  const lane = lanes.find((l) => l.label === label);
  if (lane === undefined) throw new Error(`no lane ${label} in ${lanes.map((l) => l.label).join(", ")}`);
  return lane;
}

let threeClients: RunResult;
let lostUpdate: RunResult;
let philosophers: RunResult;
let cpuWork: RunResult;
beforeAll(() => {
  threeClients = runSource(exercise("12-asyncio/three-clients/solution.ts"));
  lostUpdate = runSource(exercise("08-race-conditions/lost-update/starter.ts"), {
    threads: { strategy: { kind: "random", seed: 3 } },
  });
  philosophers = runSource(PHILOSOPHERS);
  cpuWork = runSource(CPU_WORK);
});

describe("toLanes on the three-clients server (asyncio)", () => {
  it("draws one lane per task, in creation order, with what each runs", () => {
    const { lanes, more, scale } = toLanes(threeClients);
    expect(lanes.map((l) => `${l.label} ${l.subtitle}`)).toEqual([
      "Task-1 main()",
      "Task-2 handle_client()",
      "Task-3 handle_client()",
      "Task-4 handle_client()",
    ]);
    expect(more).toBeNull();
    expect(scale).toBe("time");
  });

  it("shows each client running, sleeping a second, twice, then done", () => {
    const client = find(toLanes(threeClients).lanes, "Task-2");
    expect(states(client)).toEqual([
      "ready(just started)",
      "running",
      "sleeping(sleep(1))",
      "ready(woken: sleep)",
      "running",
      "sleeping(sleep(1))",
      "ready(woken: sleep)",
      "running",
      "done(returned)",
    ]);
    const sleeps = client.spans.filter((s) => s.state === "sleeping");
    expect(sleeps.map((s) => [s.start.time, s.end.time])).toEqual([
      [0, 1],
      [1, 2],
    ]);
  });

  it("keeps main() blocked on gather() while the clients work", () => {
    const main = find(toLanes(threeClients).lanes, "Task-1");
    const blocked = main.spans.find((s) => s.state === "blocked");
    expect(blocked).toMatchObject({ detail: "gather() of 3", start: { time: 0 }, end: { time: 2 } });
  });

  it("marks every print on the lane of the task that printed it", () => {
    const client = find(toLanes(threeClients).lanes, "Task-3");
    expect(client.markers.filter((m) => m.kind === "print").map((m) => m.text)).toEqual([
      "client 2 connected",
      "client 2 processed",
      "client 2 sent",
    ]);
  });

  it("never runs two tasks of one loop at once", () => {
    const running = toLanes(threeClients).lanes.flatMap((l) => l.spans.filter((s) => s.state === "running"));
    const sorted = running.sort((a, b) => a.start.seq - b.start.seq);
    for (let i = 1; i < sorted.length; i++)
      expect(sorted[i]!.start.seq).toBeGreaterThanOrEqual(sorted[i - 1]!.end.seq);
  });
});

describe("toLanes on the lost update (threads)", () => {
  it("draws the main thread and the four workers, and suggests the event axis (no time passes)", () => {
    const { lanes, scale } = toLanes(lostUpdate);
    expect(lanes.map((l) => l.label)).toEqual([
      "MainThread",
      "Thread-1 (add_visits)",
      "Thread-2 (add_visits)",
      "Thread-3 (add_visits)",
      "Thread-4 (add_visits)",
    ]);
    expect(scale).toBe("events");
  });

  it("lets one thread run at a time, and a preempted thread wait ready", () => {
    const { lanes } = toLanes(lostUpdate);
    const running = lanes.flatMap((l) => l.spans.filter((s) => s.state === "running"));
    const sorted = running.sort((a, b) => a.start.seq - b.start.seq);
    for (let i = 1; i < sorted.length; i++)
      expect(sorted[i]!.start.seq).toBeGreaterThanOrEqual(sorted[i - 1]!.end.seq);
    const worker = find(lanes, "Thread-1 (add_visits)");
    expect(worker.spans.some((s) => s.state === "ready" && s.detail === "preempted: another one runs")).toBe(
      true,
    );
  });

  it("marks each read and write of the shared counter", () => {
    const { lanes } = toLanes(lostUpdate);
    const cells = lanes
      .flatMap((l) => l.markers)
      .filter((m) => m.kind === "load" || m.kind === "store")
      .sort((a, b) => a.at.seq - b.at.seq);
    const traced = lostUpdate.trace.filter((e) => e.kind === "load" || e.kind === "store");
    expect(cells).toHaveLength(traced.length);
    expect(cells.length).toBeGreaterThan(0);
    expect(cells[0]?.text).toMatch(/^count -> 0$/);
  });

  it("shows the main thread blocked in join() while the workers run", () => {
    const main = find(toLanes(lostUpdate).lanes, "MainThread");
    expect(states(main).slice(0, 2)).toEqual(["running", "blocked(join(Thread-1 (add_visits)))"]);
    expect(main.spans[0]!.start.seq).toBe(0);
  });
});

describe("toLanes on the dining philosophers (deadlock)", () => {
  it("leaves every philosopher blocked on the next fork until the end", () => {
    const { lanes, end } = toLanes(philosophers);
    for (const [i, label] of ["P0", "P1", "P2", "P3", "P4"].entries()) {
      const last = find(lanes, label).spans.at(-1);
      expect(last).toMatchObject({ state: "blocked", detail: `Lock-${((i + 1) % 5) + 1}.acquire()`, end });
    }
  });

  it("marks each philosopher's first fork taken, and their thinking as sleep", () => {
    const p0 = find(toLanes(philosophers).lanes, "P0");
    expect(p0.markers.map((m) => `${m.kind} ${m.text}`)).toEqual(["acquire Lock-1"]);
    expect(p0.spans.find((s) => s.state === "sleeping")).toMatchObject({
      start: { time: 0 },
      end: { time: 0.1 },
    });
  });
});

describe("toLanes with CPU work, the GIL and processes", () => {
  it("adds a lane per core, per process and per process GIL, ordered by process", () => {
    const { lanes } = toLanes(cpuWork);
    expect(lanes.map((l) => `${l.kind} ${l.label}`)).toEqual([
      "core core 0",
      "core core 1",
      "process MainProcess",
      "gil GIL of MainProcess",
      "thread MainThread",
      "thread Thread-1 (crunch)",
      "thread Thread-2 (crunch)",
      "process Process-1",
      "gil GIL of Process-1",
      "thread MainThread",
      "process Process-2",
      "gil GIL of Process-2",
      "thread MainThread",
    ]);
  });

  it("hands the GIL between the two threads in 5 ms slices", () => {
    const gil = find(toLanes(cpuWork).lanes, "GIL of MainProcess");
    expect(gil.spans.slice(0, 3).map((s) => [s.detail, s.start.time, s.end.time])).toEqual([
      ["held by Thread-1 (crunch)", 0, 0.005],
      ["held by Thread-2 (crunch)", 0.005, 0.01],
      ["held by Thread-1 (crunch)", 0.01, 0.015],
    ]);
  });

  it("runs the two processes at the same time on two cores", () => {
    const { lanes } = toLanes(cpuWork);
    const p1 = find(lanes, "GIL of Process-1").spans[0]!;
    const p2 = find(lanes, "GIL of Process-2").spans[0]!;
    expect(p1.start.time).toBe(p2.start.time);
    expect(find(lanes, "core 1").spans.map((s) => s.detail)).toContain("Process-2/MainThread");
  });

  it("shows a thread waiting for the GIL as ready, not running", () => {
    const t2 = find(toLanes(cpuWork).lanes, "Thread-2 (crunch)");
    const firstCpu = t2.spans.findIndex((s) => s.detail?.startsWith("wants the CPU"));
    expect(t2.spans[firstCpu]).toMatchObject({ state: "ready", start: { time: 0 }, end: { time: 0.005 } });
    expect(t2.spans[firstCpu + 1]).toMatchObject({ state: "running", detail: "on core 0" });
  });

  it("summarises each process's threads and marks its exit", () => {
    const p1 = find(toLanes(cpuWork).lanes, "Process-1");
    expect(p1.spans.map((s) => s.state)).toContain("running");
    expect(p1.spans.at(-1)?.state).toBe("done");
    expect(p1.markers.map((m) => m.text)).toEqual(["process Process-1 exited with code 0"]);
  });
});

describe("toLanes for big runs", () => {
  it("keeps 200 lanes and summarises the rest in one 'N more' lane", () => {
    const result = runSource(manyTasks(300));
    const { lanes, more } = toLanes(result);
    expect(lanes).toHaveLength(200);
    expect(more?.count).toBe(101);
    expect(more?.lane.label).toBe("101 more");
    const states = new Set<SpanState>(more?.lane.spans.map((s) => s.state));
    expect([...states].sort()).toEqual(["done", "ready", "running", "sleeping"]);
  });

  it("shows every lane when asked", () => {
    const { lanes, more } = toLanes(runSource(manyTasks(300)), { maxLanes: Number.POSITIVE_INFINITY });
    expect(lanes).toHaveLength(301);
    expect(more).toBeNull();
  });

  it("draws one lane for a one-task run, and nothing for an empty trace", () => {
    const one = runSource(`import { asyncio, print } from "interleave";
async function main() { print("hi"); await asyncio.sleep(1); }
asyncio.run(main());`);
    const { lanes } = toLanes(one);
    expect(lanes.map((l) => l.label)).toEqual(["Task-1"]);
    expect(lanes[0]?.depth).toBe(1);
    expect(toLanes({ ...one, trace: [] }).lanes).toEqual([]);
  });
});
