/**
 * Every reference solution of the course draws: lanes whose spans follow one another without
 * overlap, a replay that reaches the end, text and SVG. (A solution that does not compile is
 * the course's problem, reported by its own tests, not this package's.)
 */
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { RunResult } from "@interleave/scheduler";
import { describe, expect, it } from "vitest";
import { toLanes } from "./lanes";
import { Replay } from "./replay";
import { renderTimelineSvg } from "./svg";
import { exercise, runSource } from "./test-programs";
import { renderTimelineText } from "./text";
import { waitForGraph } from "./wait-for";

const root = join(dirname(fileURLToPath(import.meta.url)), "../../../exercises");
const programs = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory() && /^\d\d-/.test(d.name))
  .flatMap((m) =>
    readdirSync(join(root, m.name), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((e) => `${m.name}/${e.name}/solution.ts`),
  );

describe("every program of the course draws", () => {
  it("finds the course's programs", () => {
    expect(programs.length).toBeGreaterThan(10);
  });

  for (const path of programs) {
    it(path, () => {
      let result: RunResult;
      try {
        result = runSource(exercise(path), { limits: { maxTime: 600 } });
      } catch {
        return;
      }
      const lanes = toLanes(result, { maxLanes: Number.POSITIVE_INFINITY });
      for (const lane of lanes.lanes) {
        for (let i = 0; i < lane.spans.length; i++) {
          const s = lane.spans[i]!;
          expect(s.end.seq).toBeGreaterThanOrEqual(s.start.seq);
          expect(s.end.time).toBeGreaterThanOrEqual(s.start.time);
          const next = lane.spans[i + 1];
          if (next !== undefined && lane.kind !== "core" && lane.kind !== "gil") {
            expect(next.start.seq, `${lane.label} span ${i}`).toBe(s.end.seq);
          }
        }
      }
      const last = new Replay(result).at(result.trace.length - 1);
      expect(last.printed).toEqual(result.output.slice(0, last.printed.length).map((l) => l.text));
      expect(renderTimelineSvg(toLanes(result))).toContain("</svg>");
      if (result.trace.length > 0) expect(renderTimelineText(toLanes(result)).length).toBeGreaterThan(0);
      if (result.status === "deadlock") expect(waitForGraph(result).nodes.length).toBeGreaterThan(0);
    });
  }
});
