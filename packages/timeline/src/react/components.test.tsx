import type { RunResult } from "@interleave/scheduler";
import { renderToString } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { exercise, manyTasks, PHILOSOPHERS, runSource } from "../test-programs";
import { ReplayView, Timeline, WaitForGraph } from "./index";

let threeClients: RunResult;
let philosophers: RunResult;
let lostUpdate: RunResult;
beforeAll(() => {
  threeClients = runSource(exercise("12-asyncio/three-clients/solution.ts"));
  philosophers = runSource(PHILOSOPHERS);
  lostUpdate = runSource(exercise("08-race-conditions/lost-update/starter.ts"), {
    threads: { strategy: { kind: "random", seed: 3 } },
  });
});

/** The text of an HTML string, tags dropped and entities of quotes decoded. */
function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

describe("<Timeline>", () => {
  it("renders on the server with its name, controls, lanes and legend", () => {
    const html = renderToString(<Timeline result={threeClients} title="Three clients" />);
    expect(html).toContain('<section class="interleave-timeline" aria-label="Three clients"');
    for (const button of ["Zoom in", "Zoom out", "← Earlier", "Later →", "Whole run"])
      expect(text(html)).toContain(button);
    for (const lane of ["Task-1 (main())", "Task-2 (handle_client())"])
      expect(html).toContain(`aria-label="${lane}"`);
    expect(html).toContain('aria-label="Legend"');
    expect(text(html)).toContain("waiting for I/O");
  });

  it("makes every span focusable and names it in words", () => {
    const html = renderToString(<Timeline result={threeClients} />);
    expect(html).toContain(
      'tabindex="0" role="button" aria-label="Task-2: sleeping from 0 s to 1 s (sleep(1))"',
    );
    expect(text(html)).toContain("Hover or focus a span to see its events.");
  });

  it("draws only the lanes in view of a 1,000-task run, and says how many there are", () => {
    const html = renderToString(<Timeline result={runSource(manyTasks(1000))} height={220} />);
    expect(html).toContain('aria-label="Lanes 1 to 12 of 201"');
    expect(html.match(/role="group" aria-label="Task-/g)?.length).toBe(12);
  });

  it("uses the event axis for a thread run where no virtual time passes", () => {
    const html = renderToString(<Timeline result={lostUpdate} />);
    expect(text(html)).toContain("Axis: event order");
    expect(text(html)).toContain("event 0");
  });
});

describe("<ReplayView>", () => {
  it("starts before the first event with the controls", () => {
    const html = renderToString(<ReplayView result={threeClients} />);
    expect(text(html)).toContain("The program is about to start.");
    expect(text(html)).toContain(`Step 0 of ${threeClients.trace.length}`);
    expect(html).toContain('type="range"');
    for (const button of ["First", "Back", "Forward", "Last"]) expect(text(html)).toContain(button);
  });

  it("shows a step's event in words, the tasks' states and what was printed", () => {
    const k = threeClients.trace.findIndex((e) => e.detail === "client 2 connected");
    const html = text(renderToString(<ReplayView result={threeClients} initialStep={k} />));
    expect(html).toContain('At 0 s, Task-3 prints "client 2 connected".');
    expect(html).toContain("Task-2 sleeping (sleep(1)) sleeps: sleep(1)");
    expect(html).toContain("client 1 connected client 2 connected");
  });

  it("shows the shared counter and the locks of the philosophers", () => {
    const counter = text(renderToString(<ReplayView result={lostUpdate} initialStep={40} />));
    expect(counter).toContain("Shared values");
    expect(counter).toMatch(/count \d+ Thread-\d \(add_visits\)/);
    const forks = text(
      renderToString(<ReplayView result={philosophers} step={philosophers.trace.length - 1} />),
    );
    expect(forks).toContain("Lock-2 P1 P0");
  });
});

describe("<WaitForGraph>", () => {
  it("draws the philosophers' cycle in red and says it in words", () => {
    const html = renderToString(<WaitForGraph result={philosophers} />);
    expect(html).toContain('role="img"');
    expect(html.match(/class="edge edge-cycle"/g)).toHaveLength(10);
    expect(html).toContain('aria-label="thread P0, in the cycle"');
    expect(html).toContain('aria-label="lock Lock-2, in the cycle"');
    expect(text(html)).toContain("Deadlock cycle: P0 waits for Lock-2, held by P1;");
  });

  it("says so when the run did not deadlock", () => {
    expect(text(renderToString(<WaitForGraph result={threeClients} />))).toContain(
      "The run did not deadlock.",
    );
  });
});
