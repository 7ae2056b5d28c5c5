import type { RunResult } from "@interleave/scheduler";
import { beforeAll, describe, expect, it } from "vitest";
import { Replay, replayState } from "./replay";
import { exercise, PHILOSOPHERS, runSource } from "./test-programs";

let threeClients: RunResult;
let lostUpdate: RunResult;
let fixed: RunResult;
let philosophers: RunResult;
beforeAll(() => {
  threeClients = runSource(exercise("12-asyncio/three-clients/solution.ts"));
  // Seed 3 of the random strategy interleaves the workers' reads and writes.
  lostUpdate = runSource(exercise("08-race-conditions/lost-update/starter.ts"), {
    threads: { strategy: { kind: "random", seed: 3 } },
  });
  fixed = runSource(exercise("08-race-conditions/lost-update/solution.ts"), {
    threads: { strategy: { kind: "random", seed: 3 } },
  });
  philosophers = runSource(PHILOSOPHERS);
});

function seqOf(result: RunResult, kind: string, detail: string, thread?: string): number {
  const e = result.trace.find(
    (e) => e.kind === kind && e.detail === detail && (thread === undefined || e.thread === thread),
  );
  if (e === undefined) throw new Error(`no ${kind} ${detail}`);
  return e.seq;
}

describe("replayState", () => {
  it("starts before the first event with nothing known", () => {
    const s = replayState(threeClients, -1);
    expect(s).toMatchObject({ step: -1, event: null, actors: [], printed: [] });
    expect(s.description).toBe("The program is about to start.");
    expect(s.total).toBe(threeClients.trace.length);
  });

  it("knows at step k who runs, who sleeps and what was printed (three clients)", () => {
    const k = seqOf(threeClients, "print", "client 2 connected");
    const s = replayState(threeClients, k);
    expect(s.description).toBe('At 0 s, Task-3 prints "client 2 connected".');
    expect(s.printed).toEqual(["client 1 connected", "client 2 connected"]);
    const status = Object.fromEntries(s.actors.map((a) => [a.label, a.status]));
    expect(status).toEqual({
      "Task-1": "blocked",
      "Task-2": "sleeping",
      "Task-3": "running",
      "Task-4": "ready",
    });
    expect(s.actors.find((a) => a.label === "Task-2")).toMatchObject({
      waitsOn: "sleep(1)",
      position: "sleeps: sleep(1)",
    });
    expect(s.actors.find((a) => a.label === "Task-1")?.waitsOn).toBe("gather() of 3");
  });

  it("ends with every task done and all lines printed", () => {
    const s = replayState(threeClients, threeClients.trace.length - 1);
    expect(s.actors.every((a) => a.status === "done")).toBe(true);
    expect(s.printed).toEqual(threeClients.output.map((l) => l.text));
    expect(s.time).toBe(2);
  });

  it("clamps steps past either end", () => {
    expect(replayState(threeClients, 10_000).step).toBe(threeClients.trace.length - 1);
    expect(replayState(threeClients, -50).step).toBe(-1);
  });

  it("shows the shared counter and the reads a write is about to overwrite (lost update)", () => {
    // Find the first write that loses an update: its writer read a value someone else replaced.
    const replay = new Replay(lostUpdate);
    let lost: number | null = null;
    for (let k = 0; k < lostUpdate.trace.length && lost === null; k++) {
      const s = replay.at(k);
      const next = lostUpdate.trace[k + 1];
      if (next?.kind === "store" && s.cells[0]?.stale.includes(next.thread ?? "")) lost = k;
    }
    expect(lost).not.toBeNull();
    const before = replay.at(lost!);
    const writer = lostUpdate.trace[lost! + 1]!.thread!;
    const read = before.actors.find((a) => a.label === writer)?.position;
    expect(read).toMatch(/^read count -> \d+$/);
    expect(read).not.toBe(`read count -> ${before.cells[0]?.value}`);
    const after = replay.at(lost! + 1);
    expect(Number(after.cells[0]?.value)).toBeLessThanOrEqual(Number(before.cells[0]?.value));
    expect(after.cells[0]?.writer).toBe(writer);
  });

  it("never shows a stale read when the lock protects the counter", () => {
    const replay = new Replay(fixed);
    for (let k = 0; k < fixed.trace.length; k++) {
      const next = fixed.trace[k + 1];
      if (next?.kind === "store") expect(replay.at(k).cells[0]?.stale).not.toContain(next.thread);
    }
  });

  it("says who holds the lock and who waits for it", () => {
    const replay = new Replay(fixed);
    const waits = fixed.trace.find((e) => e.kind === "block" && e.detail === "Lock-1.acquire()");
    expect(waits).toBeDefined();
    const s = replay.at(waits!.seq);
    const lock = s.locks.find((l) => l.name === "Lock-1");
    expect(lock?.waiters).toContain(waits!.thread);
    expect(lock?.holder).not.toBeNull();
    expect(s.actors.find((a) => a.label === lock?.holder)?.holds).toEqual(["Lock-1"]);
  });

  it("ends the philosophers with each holding one fork and waiting for the next", () => {
    const s = replayState(philosophers, philosophers.trace.length - 1);
    expect(s.locks).toEqual([
      { name: "Lock-1", holder: "P0", waiters: ["P4"] },
      { name: "Lock-2", holder: "P1", waiters: ["P0"] },
      { name: "Lock-3", holder: "P2", waiters: ["P1"] },
      { name: "Lock-4", holder: "P3", waiters: ["P2"] },
      { name: "Lock-5", holder: "P4", waiters: ["P3"] },
    ]);
    expect(s.actors[0]).toMatchObject({ label: "MainThread", status: "blocked", waitsOn: "join(P0)" });
  });

  it("gives the same state stepping one by one as jumping straight there", () => {
    const replay = new Replay(lostUpdate);
    for (const k of [0, 255, 256, 257, 300, lostUpdate.trace.length - 1]) {
      expect(replay.at(k)).toEqual(replayState(lostUpdate, k));
    }
  });
});
