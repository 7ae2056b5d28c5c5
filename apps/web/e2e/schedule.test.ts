/**
 * Seeing the schedule (issue 9) in the browser: the timeline and step-by-step replay of a run,
 * a failed check's schedule replayed to its lost update, a hand-made schedule ("be the
 * scheduler") that loses an update on 08-race-conditions/lost-update, and the wait-for cycle of
 * 10-deadlocks/dining-philosophers.
 */
import { AxeBuilder } from "@axe-core/playwright";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { builtCourse, editorReady, openPage, startSession } from "./session";

const course = await builtCourse();
const session = startSession(course);
const exercises = course.modules.flatMap((m) => m.exercises);
const lostUpdate = exercises.find((e) => e.id === "08-race-conditions/lost-update");
const philosophers = exercises.find((e) => e.id === "10-deadlocks/dining-philosophers");

async function runStarter(page: Page): Promise<Locator> {
  await editorReady(page);
  await page.getByRole("button", { name: "Run", exact: true }).click();
  const views = page.getByRole("region", { name: "See the schedule" });
  await views.waitFor({ timeout: 45_000 });
  return views;
}

describe.skipIf(!lostUpdate)("lost-update: timeline, replay and be the scheduler", () => {
  it("draws the run's lanes and steps through it with buttons, keys and the slider", async () => {
    const { page, done } = await openPage(session, `/learn/${lostUpdate!.id}`);
    const views = await runStarter(page);
    const timeline = views.getByRole("region", { name: "Timeline of the run" });
    // A lane per thread; its spans are focusable and say what they are in words.
    for (const n of [1, 2, 3, 4])
      await timeline
        .getByRole("button", { name: new RegExp(`^Thread-${n} \\(add_visits\\): running`) })
        .first()
        .waitFor();
    const span = timeline.getByRole("button", { name: /^Thread-1 \(add_visits\): running/ }).first();
    await span.focus();
    await expect(span.evaluate((el) => el === document.activeElement)).resolves.toBe(true);

    // The tabs follow the arrow keys.
    await views.getByRole("tab", { name: "Timeline" }).focus();
    await page.keyboard.press("ArrowRight");
    const replay = views.getByRole("region", { name: "Step-by-step replay" });
    await expect(
      views.getByRole("tab", { name: "Step by step" }).getAttribute("aria-selected"),
    ).resolves.toBe("true");
    await replay.getByRole("button", { name: /Forward/ }).click();
    await replay.getByText(/Thread-1 \(add_visits\) is created/).waitFor();
    const slider = replay.getByRole("slider", { name: "Step" });
    await slider.focus();
    for (let i = 0; i < 6; i++) await page.keyboard.press("ArrowRight");
    await replay.getByText("Thread-1 (add_visits) reads count and sees 0.").waitFor();
    await page.keyboard.press("ArrowRight");
    await replay.getByText("Thread-1 (add_visits) writes 1 to count.", { exact: false }).waitFor();
    await page.keyboard.press("ArrowLeft");
    await replay.getByText(/reads count and sees 0/).waitFor();
    done();
  });

  it("replays a failed check's schedule and steps to the lost update", async () => {
    const { page, done } = await openPage(session, `/learn/${lostUpdate!.id}`);
    await editorReady(page);
    await page.getByRole("button", { name: "Submit" }).click();
    const results = page.getByRole("region", { name: "Results" });
    await results.locator("[data-grade-status]").waitFor({ timeout: 60_000 });
    await results.getByRole("button", { name: "Replay this schedule" }).first().click();
    const output = page.getByRole("region", { name: /^Replay of the failing schedule/ });
    await output.getByText(/count = (\d|[1-8]\d|9\d)$/).waitFor({ timeout: 45_000 });
    await expect(output.textContent()).resolves.not.toContain("count = 100");

    const views = page.getByRole("region", { name: "See the schedule" });
    await views.getByRole("tab", { name: "Step by step" }).click();
    const replay = views.getByRole("region", { name: "Step-by-step replay" });
    const slider = replay.getByRole("slider", { name: "Step" });
    await slider.focus();
    // Step forward until a thread holds a read that is no longer the counter's value.
    const stale = replay.getByText(/writing back will lose an update/);
    for (let i = 0; i < 400 && !(await stale.isVisible()); i++) await page.keyboard.press("ArrowRight");
    await expect(stale.isVisible()).resolves.toBe(true);

    // The note above the replay names the first lost update and jumps to just before it.
    await views.getByRole("button", { name: "Go to just before it" }).click();
    await stale.waitFor();
    await replay.getByRole("button", { name: /Forward/ }).click();
    const note = await views.locator("[data-lost-updates]").textContent();
    const writer = /^This run lost an update\. (Thread-\d \(add_visits\)) wrote (\d+) to count/.exec(
      note ?? "",
    );
    expect(writer).not.toBeNull();
    await replay.getByText(`${writer![1]} writes ${writer![2]} to count.`, { exact: false }).waitFor();
    done();
  });

  it("be the scheduler: both threads read 0, both write 1, and the count ends at 99", async () => {
    const { page, done } = await openPage(session, `/learn/${lostUpdate!.id}`);
    const views = await runStarter(page);
    await views.getByRole("tab", { name: "Be the scheduler" }).click();
    await views.getByRole("button", { name: "Start scheduling" }).click();
    const status = views.locator("[data-scheduler-status]");
    // Picks a thread by keyboard (focus, Enter) and waits for the rerun to reach the next point.
    const pick = async (thread: string, next: RegExp, after: string) => {
      const button = views.getByRole("button", { name: new RegExp(`^${thread} \\(add_visits\\)`) });
      await expect(button.textContent()).resolves.toMatch(next);
      await button.focus();
      await page.keyboard.press("Enter");
      await page.waitForFunction(
        (want) => document.querySelector("[data-choices]")?.getAttribute("data-choices") === want,
        after,
      );
      await status.getByText(/^Choice \d+/).waitFor();
    };
    await status.getByText("Choice 1: 4 threads can run. Who runs next?").waitFor({ timeout: 45_000 });
    await pick("Thread-1", /reads count and sees 0/, "0");
    await pick("Thread-2", /reads count and sees 0/, "0,1");
    await pick("Thread-1", /writes 1 to count/, "0,1,1");
    await expect(views.getByRole("alert").count()).resolves.toBe(0);
    await pick("Thread-2", /writes 1 to count/, "0,1,1,1");
    const alert = views.getByRole("alert");
    await alert.getByText("You found a lost update.").waitFor();
    // The focus stayed on the options all along: the keyboard can go on picking.
    await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe("BUTTON");

    await views.getByRole("button", { name: "Finish without switching" }).click();
    await status.getByText(/The program has ended after your 4 choices/).waitFor();
    await alert.getByText(/Printed line 1 is “count = 99”; without preemption it is “count = 100”/).waitFor();
    // Undo goes back to the last choice point.
    await views.getByRole("button", { name: "Undo last choice" }).click();
    await status.getByText(/^Choice 4: 4 threads can run/).waitFor();

    // The computer's smallest break: one choice changed, Thread-2 runs between Thread-1's read and write.
    await views.getByRole("button", { name: "Find one for me" }).click();
    await views
      .locator("[data-found-automatically]")
      .getByText(/1 choice changed from the default, \[0, 1\]\./)
      .waitFor({ timeout: 45_000 });
    await alert.getByText(/“count = 75”/).waitFor();
    done();
  });
});

describe.skipIf(!lostUpdate)("the views' accessibility (axe)", () => {
  it("has no serious or critical violations in any tab, light and dark", async () => {
    const { page, done } = await openPage(session, `/learn/${lostUpdate!.id}`);
    const problems: string[] = [];
    for (const theme of ["light", "dark"]) {
      await page.evaluate((t) => localStorage.setItem("interleave:theme", t), theme);
      await page.reload();
      const views = await runStarter(page);
      for (const tab of ["Timeline", "Step by step", "Be the scheduler"]) {
        await views.getByRole("tab", { name: tab }).click();
        if (tab === "Be the scheduler") {
          await views.getByRole("button", { name: "Start scheduling" }).click();
          await views
            .locator("[data-scheduler-status]")
            .getByText(/^Choice 1/)
            .waitFor({ timeout: 45_000 });
        }
        const results = await new AxeBuilder({ page }).include('[aria-label="See the schedule"]').analyze();
        for (const v of results.violations)
          if (v.impact === "serious" || v.impact === "critical")
            problems.push(`${theme}, ${tab}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(" ")})`);
      }
    }
    expect(problems).toEqual([]);
    done();
  });
});

describe.skipIf(!philosophers)("dining-philosophers: the wait-for graph", () => {
  it("shows the deadlock's cycle as a graph and in words", async () => {
    const { page, done } = await openPage(session, `/learn/${philosophers!.id}`);
    const views = await runStarter(page);
    await expect(page.locator("[data-run-status]").textContent()).resolves.toMatch(/^Deadlock/);
    // A deadlock opens on its graph.
    await expect(
      views.getByRole("tab", { name: "Wait-for graph" }).getAttribute("aria-selected"),
    ).resolves.toBe("true");
    const graph = views.getByRole("figure", { name: "Who waits for whom" });
    const caption = await graph.locator("figcaption").textContent();
    expect(caption).toMatch(
      /^Deadlock cycle: P0 waits for Lock-\d+, held by P1;.*P4 waits for Lock-\d+, held by P0\./,
    );
    const img = graph.getByRole("img");
    // The picture's description for screen readers says the same as the caption.
    expect(caption).toContain(await img.locator("desc").textContent());
    done();
  });
});
