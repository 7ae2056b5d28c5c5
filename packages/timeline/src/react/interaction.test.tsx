// @vitest-environment happy-dom
import type { RunResult } from "@interleave/scheduler";
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ReplayState } from "../replay";
import { CPU_WORK, exercise, runSource } from "../test-programs";
import { ReplayView, Timeline } from "./index";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let threeClients: RunResult;
let lostUpdate: RunResult;
beforeAll(() => {
  threeClients = runSource(exercise("12-asyncio/three-clients/solution.ts"));
  lostUpdate = runSource(exercise("08-race-conditions/lost-update/starter.ts"), {
    threads: { strategy: { kind: "random", seed: 3 } },
  });
});

let container: HTMLElement;
let root: Root;
beforeEach(() => {
  container = document.createElement("div");
  document.body.append(container);
  root = createRoot(container);
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

function button(name: string): HTMLButtonElement {
  const found = [...container.querySelectorAll("button")].find((b) => b.textContent?.includes(name));
  if (found === undefined) throw new Error(`no button ${name}`);
  return found;
}

function click(name: string): void {
  act(() => button(name).dispatchEvent(new MouseEvent("click", { bubbles: true })));
}

function description(): string {
  return container.querySelector(".interleave-replay-event")?.textContent ?? "";
}

describe("<ReplayView> in a browser DOM", () => {
  it("steps forward, back, to the last and the first event", () => {
    const seen: ReplayState[] = [];
    act(() => root.render(<ReplayView result={threeClients} onStepChange={(s) => seen.push(s)} />));
    expect(description()).toBe("The program is about to start.");
    click("Forward");
    expect(description()).toBe("At 0 s, Task-1 is created to run main(); it is ready to run.");
    click("Forward");
    expect(description()).toBe("At 0 s, Task-1 is given the event loop and runs.");
    click("Back");
    expect(description()).toContain("Task-1 is created");
    click("Last");
    expect(container.textContent).toContain(
      `Step ${threeClients.trace.length} of ${threeClients.trace.length}`,
    );
    expect(button("Forward").disabled).toBe(true);
    click("First");
    expect(description()).toBe("The program is about to start.");
    expect(seen.map((s) => s.step)).toEqual([-1, 0, 1, 0, threeClients.trace.length - 1, -1]);
  });

  it("drives the lost update forward until a write is about to lose an update", () => {
    act(() => root.render(<ReplayView result={lostUpdate} />));
    let steps = 0;
    while (
      !container.textContent?.includes("writing back will lose an update") &&
      steps < lostUpdate.trace.length
    ) {
      click("Forward");
      steps++;
    }
    expect(container.textContent).toContain("writing back will lose an update");
    expect(description()).toMatch(/writes|reads/);
  });
});

describe("<Timeline> in a browser DOM", () => {
  it("lists a span's events when it gets focus", () => {
    act(() => root.render(<Timeline result={threeClients} />));
    const span = container.querySelector('[aria-label="Task-2: sleeping from 0 s to 1 s (sleep(1))"]');
    expect(span).not.toBeNull();
    // React's onFocus listens to focusin.
    act(() => span!.dispatchEvent(new FocusEvent("focusin", { bubbles: true })));
    const details = container.querySelector(".interleave-timeline-details")!.textContent;
    expect(details).toContain("Task-2: sleeping from 0 s to 1 s (sleep(1))");
    expect(details).toContain("At 0 s, Task-2 goes to sleep: sleep(1).");
    expect(details).toContain("At 1 s, Task-2 is woken (sleep is done)");
  });

  it("zooms in and out with the buttons and the keyboard, and back to the whole run", () => {
    act(() => root.render(<Timeline result={threeClients} />));
    const axis = () => [...container.querySelectorAll("svg[aria-hidden] text")].map((t) => t.textContent);
    const whole = axis();
    expect(whole[0]).toBe("0 s");
    expect(whole.at(-1)).toBe("2 s");
    click("Zoom in");
    expect(axis()).not.toEqual(whole);
    expect(axis().at(-1)).not.toBe("2 s");
    const section = container.querySelector("section")!;
    act(() => section.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", bubbles: true })));
    act(() => section.dispatchEvent(new KeyboardEvent("keydown", { key: "-", bubbles: true })));
    click("Whole run");
    expect(axis()).toEqual(whole);
  });

  it("switches the axis to event order", () => {
    act(() => root.render(<Timeline result={threeClients} />));
    click("Axis: virtual time");
    expect(button("Axis:").textContent).toBe("Axis: event order");
    expect(button("Axis:").getAttribute("aria-pressed")).toBe("true");
    expect(container.querySelector("svg[aria-hidden] text")?.textContent).toBe("event 0");
  });
});

describe("<Timeline> grouping", () => {
  it("shows every lane of a big run on request, and collapses a process's lanes", () => {
    const big = runSource(`import { asyncio } from "interleave";
async function nap(i: number) { await asyncio.sleep(i / 100); }
async function main() { await asyncio.gather(...Array.from({ length: 30 }, (_, i) => nap(i))); }
asyncio.run(main());`);
    act(() => root.render(<Timeline result={big} maxLanes={10} height={2000} />));
    const lanes = () => container.querySelectorAll("g[data-lane]").length;
    expect(lanes()).toBe(11);
    click("Show all 31 lanes");
    expect(lanes()).toBe(31);
    click("Summarise lanes after 10");
    expect(lanes()).toBe(11);

    const cpu = runSource(CPU_WORK);
    act(() => root.render(<Timeline result={cpu} height={2000} />));
    const before = lanes();
    click("▾ Process-1");
    expect(lanes()).toBe(before - 2);
    expect(button("▸ Process-1").getAttribute("aria-expanded")).toBe("false");
    expect(container.querySelector('g[data-lane="process:1001"]')).not.toBeNull();
  });
});
