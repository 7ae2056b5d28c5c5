/**
 * Time to draw a 1,000-task run (issue 9: "the timeline of a run with 1,000 tasks renders in
 * under 200 ms in the browser"). Measures, in Node, the transformation (toLanes) and each
 * renderer on a 1,000-task asyncio run and a 1,000-thread run: the SVG string (capped at 200
 * lanes + "N more", and every lane), the terminal text, and the React <Timeline> rendered to a
 * string (what the browser's first render does, without layout and paint). Prints the median
 * of 15 runs, wall-clock and CPU (the machine is shared: CPU time is the steadier figure).
 */
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { toLanes } from "../src/lanes";
import { Timeline } from "../src/react/timeline";
import { Replay } from "../src/replay";
import { renderTimelineSvg } from "../src/svg";
import { manyTasks, runSource } from "../src/test-programs";
import { renderTimelineText } from "../src/text";

const RUNS = 15;

function threads(n: number): string {
  return `import { threading, time, print } from "interleave";
async function worker(i: number) {
  await time.sleep((i % 10) / 10);
  print(\`worker \${i}\`);
  await time.sleep(1);
}
const ts = Array.from({ length: ${n} }, (_, i) => new threading.Thread({ target: worker, args: [i] }));
for (const t of ts) t.start();
for (const t of ts) t.join();
`;
}

function measure(name: string, fn: () => unknown): void {
  fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    fn();
    wall.push(performance.now() - t);
    const u = process.cpuUsage(c);
    cpu.push((u.user + u.system) / 1000);
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(
    `  ${name.padEnd(44)} ${median(wall).toFixed(1).padStart(7)} ms wall  ${median(cpu).toFixed(1).padStart(7)} ms CPU`,
  );
}

for (const [label, source] of [
  ["1,000 asyncio tasks", manyTasks(1000)],
  ["1,000 threads", threads(1000)],
] as const) {
  const result = runSource(source);
  console.log(`${label}: ${result.trace.length} trace events, status ${result.status}`);
  const lanes = toLanes(result);
  const all = toLanes(result, { maxLanes: Number.POSITIVE_INFINITY });
  measure("toLanes (200 lanes + N more)", () => toLanes(result));
  measure("toLanes (every lane)", () => toLanes(result, { maxLanes: Number.POSITIVE_INFINITY }));
  measure("renderTimelineSvg (200 lanes + N more)", () => renderTimelineSvg(lanes));
  measure("renderTimelineSvg (every lane)", () => renderTimelineSvg(all));
  measure("toLanes + renderTimelineSvg (every lane)", () =>
    renderTimelineSvg(toLanes(result, { maxLanes: Number.POSITIVE_INFINITY })),
  );
  measure("renderTimelineText (width 100)", () => renderTimelineText(lanes, { width: 100 }));
  measure("<Timeline> renderToString (lanes in view)", () =>
    renderToString(createElement(Timeline, { result })),
  );
  measure("new Replay (snapshots) + 100 random steps", () => {
    const replay = new Replay(result);
    for (let i = 0; i < 100; i++) replay.at((i * 7919) % result.trace.length);
  });
}
