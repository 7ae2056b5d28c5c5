import { check, defineExercise, hidden } from "@interleave/grader";

const PAGES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/** The most downloads running at one moment, counted from the start/done lines. */
function mostAtOnce(run: { output: readonly { text: string }[] }): number {
  let now = 0;
  let most = 0;
  for (const line of run.output) {
    if (line.text.startsWith("start page")) now += 1;
    if (line.text.startsWith("done page")) now -= 1;
    most = Math.max(most, now);
  }
  return most;
}

export default defineExercise({
  limits: { maxVirtualSeconds: 120 },
  checks: [
    check("the server never refuses a request", async (t) => {
      t.expect(
        await t.run(),
        "The server refuses a 4th request while 3 are running. Limit how many downloads run at " +
          "once: an asyncio.Semaphore(3) shared by every download hands out 3 permits.",
      ).toFinishOk();
    }),
    check("all ten pages are downloaded before 'crawl finished'", async (t) => {
      const run = await t.run();
      for (const n of PAGES) {
        t.expect(
          run,
          "Every download must finish: give each permit back when its page is done.",
        ).toPrintInOrder([`done page ${n}`, "crawl finished"]);
      }
    }),
    check("exactly 3 downloads run at a time: never more, and the slots are used", async (t) => {
      const run = await t.run();
      const most = mostAtOnce(run);
      if (most !== 3) {
        t.fail(
          `Expected 3 downloads running at the busiest moment.\nGot: ${most}. ` +
            (most > 3
              ? "All calls must share one semaphore: create it once, outside the function."
              : "The server can take 3 at once; downloading fewer at a time wastes it."),
        );
      }
    }),
    check("the crawl takes 5 virtual seconds: a free slot is reused at once", async (t) => {
      t.expect(
        await t.run(),
        "Pages take 1 to 3 s. Waiting for a whole batch of 3 before starting the next wastes the " +
          "slots of the fast pages; with a semaphore, a new download starts as soon as any slot is free.",
      ).toEndAtTime(5);
    }),
    hidden("no blocking call and no coroutine left un-awaited", async (t) => {
      t.expect(await t.run()).toHaveNoWarnings();
    }),
  ],
});
