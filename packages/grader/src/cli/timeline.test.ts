import { describe, expect, it } from "vitest";
import { directExecutor } from "../direct-executor";
import { renderTimeline } from "./timeline";

const executor = directExecutor();

describe("renderTimeline", () => {
  it("draws one lane per thread, solid while computing and a line while waiting", async () => {
    const run = await executor.run({
      filename: "main.ts",
      source: `import { threading, time, work } from "interleave";
async function cook() { await time.sleep(1); }
async function crunch() { await work(1); }
const a = new threading.Thread({ target: cook, name: "cook" });
const b = new threading.Thread({ target: crunch, name: "crunch" });
a.start(); b.start(); a.join(); b.join();`,
    });
    const chart = renderTimeline(run, { width: 20 });
    const lane = (name: string) => chart.split("\n").find((l) => l.startsWith(name)) ?? "";
    expect(chart.split("\n")[0]).toMatch(/0s\s+1s$/);
    expect(lane("cook")).toMatch(/^cook\s+█─+/);
    expect(lane("crunch")).toMatch(/^crunch\s+█{10,}/);
    expect(chart).toContain("█ running  ─ waiting  · ready");
  });

  it("draws nothing for a run without a trace", async () => {
    const run = await executor.run({ filename: "main.ts", source: "1", trace: false });
    expect(renderTimeline(run)).toBe("");
  });
});
