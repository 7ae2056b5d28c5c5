import type { RunResult } from "@interleave/scheduler";
import { beforeAll, describe, expect, it } from "vitest";
import { toLanes } from "./lanes";
import { layoutSpans, ticks } from "./layout";
import { renderTimelineSvg } from "./svg";
import { exercise, manyTasks, PHILOSOPHERS, runSource } from "./test-programs";
import { renderTimelineText } from "./text";

let threeClients: RunResult;
let philosophers: RunResult;
beforeAll(() => {
  threeClients = runSource(exercise("12-asyncio/three-clients/solution.ts"));
  philosophers = runSource(PHILOSOPHERS);
});

describe("renderTimelineSvg", () => {
  it("is a standalone SVG document that names itself", () => {
    const svg = renderTimelineSvg(toLanes(threeClients), { title: "Three clients" });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('role="img" aria-labelledby="tl-title tl-desc"');
    expect(svg).toContain('<title id="tl-title">Three clients</title>');
    expect(svg).toMatch(
      /<desc id="tl-desc">A run of 4 tasks over 2 virtual seconds .* 4 lanes; the axis shows virtual seconds/,
    );
    expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
  });

  it("draws one labelled group per lane and names every span in words", () => {
    const svg = renderTimelineSvg(toLanes(threeClients));
    for (const name of ["Task-1 (main())", "Task-2 (handle_client())", "Task-4 (handle_client())"]) {
      expect(svg).toContain(`role="group" aria-label="${name}"`);
    }
    expect(svg).toContain("<title>Task-2: sleeping from 0 s to 1 s (sleep(1))</title>");
    expect(svg).toContain("<title>Task-1: blocked from 0 s to 2 s (gather() of 3)</title>");
    expect(svg).toContain("prints client 1 connected at 0 s");
  });

  it("has a legend naming every state, each drawn with its own pattern", () => {
    const svg = renderTimelineSvg(toLanes(threeClients));
    expect(svg).toContain('aria-label="Legend"');
    for (const words of ["running", "ready", "sleeping", "blocked", "waiting for I/O", "done"]) {
      expect(svg).toContain(`>${words}</text>`);
    }
    for (const state of ["ready", "sleeping", "blocked", "io"])
      expect(svg).toContain(`<pattern id="tl-${state}"`);
    expect(svg).toContain('fill="url(#tl-sleeping)"');
  });

  it("keeps ids apart with a prefix, and can leave the legend out", () => {
    const svg = renderTimelineSvg(toLanes(threeClients), { idPrefix: "lesson3", legend: false });
    expect(svg).toContain('<pattern id="lesson3-blocked"');
    expect(svg).not.toContain('id="tl-');
    expect(svg).not.toContain("Legend");
  });

  it("escapes what the program printed", () => {
    const result = runSource(`import { print } from "interleave";\nprint("<b> & \\"x\\"");`);
    const svg = renderTimelineSvg(toLanes(result));
    expect(svg).not.toContain("<b>");
    expect(svg).toContain("&#60;b&#62; &#38; &#34;x&#34;");
  });

  it("draws the capped lanes and the 'N more' lane of a 1,000-task run", () => {
    const lanes = toLanes(runSource(manyTasks(1000)));
    const svg = renderTimelineSvg(lanes);
    expect(svg.match(/role="group"/g)).toHaveLength(201);
    expect(svg).toContain('aria-label="801 more"');
  });
});

describe("layoutSpans", () => {
  it("keeps an instant visible next to the long span that follows it", () => {
    const lane = toLanes(threeClients).lanes[1]!;
    const rects = layoutSpans(lane, { scale: "time", from: 0, to: 2 }, 400);
    expect(rects[0]).toMatchObject({ x: 0, w: 1.5, state: "running" });
    expect(rects[1]).toMatchObject({ x: 1.5, state: "sleeping" });
  });

  it("draws no more rectangles than pixels", () => {
    const lanes = toLanes(runSource(manyTasks(300)));
    const rects = layoutSpans(lanes.more!.lane, { scale: "events", from: 0, to: lanes.end.seq }, 100);
    expect(rects.length).toBeLessThanOrEqual(100);
  });

  it("picks round ticks", () => {
    expect(ticks({ scale: "time", from: 0, to: 2 })).toEqual([0, 0.5, 1, 1.5, 2]);
    expect(ticks({ scale: "events", from: 0, to: 7 })).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
});

describe("renderTimelineText", () => {
  it("draws the three clients sleeping side by side", () => {
    const text = renderTimelineText(toLanes(threeClients), { width: 40 });
    expect(text.split("\n")).toEqual([
      "         0 s                                  2 s",
      "Task-1   █xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx█",
      "Task-2   █───────────────────█──────────────────█",
      "Task-3   █───────────────────█──────────────────█",
      "Task-4   █───────────────────█──────────────────█",
      "         █ running  · ready  ─ sleeping  x blocked  ≈ waiting for I/O",
    ]);
  });

  it("shows the philosophers blocked at the end", () => {
    const rows = renderTimelineText(toLanes(philosophers), { width: 30 }).split("\n");
    const p0 = rows.find((r) => r.startsWith("P0"))!;
    expect(p0.endsWith("x")).toBe(true);
    expect(p0).toContain("─");
  });

  it("draws the lost update on the event axis, one thread running per column at most", () => {
    const result = runSource(exercise("08-race-conditions/lost-update/starter.ts"), {
      threads: { strategy: { kind: "random", seed: 3 } },
    });
    const rows = renderTimelineText(toLanes(result), { width: result.trace.length }).split("\n");
    expect(rows[0]).toMatch(/event 0 +event \d+$/);
    const workers = rows.filter((r) => r.startsWith("Thread-"));
    expect(workers).toHaveLength(4);
    const start = rows[0]!.indexOf("event 0");
    for (let c = start; c < start + result.trace.length; c++) {
      expect(workers.filter((r) => r[c] === "█").length).toBeLessThanOrEqual(1);
    }
  });

  it("is empty for an empty trace", () => {
    expect(renderTimelineText(toLanes({ ...threeClients, trace: [] }))).toBe("");
  });
});
