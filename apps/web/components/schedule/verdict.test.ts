/**
 * "Be the scheduler" on the course's own exercises, through the sandbox the browser uses (here
 * on Node's thread instead of a Web Worker): probe, pick, and read what the schedule found.
 */
import { readFileSync } from "node:fs";
import { QuickJSSandbox } from "@interleave/sandbox";
import type { RunResult } from "@interleave/scheduler";
import { probeChoicePoint, runUntil } from "@interleave/timeline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findings, firstDifference } from "./verdict";

const exercise = (path: string) =>
  readFileSync(new URL(`../../../../exercises/${path}`, import.meta.url), "utf8");

let sandbox: QuickJSSandbox;
beforeAll(async () => {
  sandbox = await QuickJSSandbox.create({ whenIdle: () => {} });
});
afterAll(() => sandbox.dispose());

const runnerFor = (source: string) => (choices: readonly number[]) =>
  sandbox.run(source, { strategy: { kind: "replay", choices: [...choices] } });

describe("findings of a hand-made schedule", () => {
  it("lost-update: both threads read 0 and write 1; the lost update is named, then the count of 99", async () => {
    const runner = runnerFor(exercise("08-race-conditions/lost-update/starter.ts"));
    const choices: number[] = [];
    const start = await probeChoicePoint(runner, choices);
    const baseline = start.result;
    expect(findings(baseline, null, baseline)).toEqual([]);
    for (const who of ["Thread-1", "Thread-2", "Thread-1", "Thread-2"]) {
      const { point } = await probeChoicePoint(runner, choices);
      choices.push(point!.options.find((o) => o.label.startsWith(`${who} `))!.index);
    }
    const { result, point } = await probeChoicePoint(runner, choices);
    const sofar = runUntil(result, point!.step + 1);
    const now = findings(sofar, null, baseline);
    expect(now.map((f) => f.kind)).toEqual(["lost-update"]);
    expect(now[0]!.text).toContain("Thread-2 (add_visits) wrote 1 to count");

    // Finishing without switching: the result shows the lost visit.
    const ended = findings(result, result, baseline);
    expect(ended.map((f) => f.kind)).toEqual(["lost-update", "output"]);
    expect(ended[1]!.text).toBe("Printed line 1 is “count = 99”; without preemption it is “count = 100”.");
  });

  it("dining-philosophers: the starter deadlocks, and the finding is the cycle", async () => {
    const runner = runnerFor(exercise("10-deadlocks/dining-philosophers/starter.ts"));
    const { result } = await probeChoicePoint(runner, []);
    expect(result.status).toBe("deadlock");
    const found = findings(result, result, result);
    expect(found.map((f) => f.kind)).toEqual(["deadlock"]);
    expect(found[0]!.text).toMatch(/^Deadlock cycle: P0 waits for Lock-\d+, held by P1;/);
  });

  it("an error ends the session with the error's type", () => {
    const ok = { output: [], status: "ok", error: null, trace: [] } as unknown as RunResult;
    const failed = {
      ...ok,
      status: "error",
      error: { type: "ValueError", message: "boom" },
    } as unknown as RunResult;
    expect(findings(failed, failed, ok)).toEqual([
      { kind: "error", title: "Your schedule made the program fail.", text: "ValueError: boom" },
    ]);
  });
});

describe("firstDifference", () => {
  it("finds the first differing line, counting a missing line as different", () => {
    expect(firstDifference(["a", "b"], ["a", "b"])).toBe(-1);
    expect(firstDifference(["a", "x"], ["a", "b"])).toBe(1);
    expect(firstDifference(["a"], ["a", "b"])).toBe(1);
  });
});
