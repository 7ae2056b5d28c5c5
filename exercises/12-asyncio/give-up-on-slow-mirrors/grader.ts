import { check, defineExercise, hidden } from "@interleave/grader";

export default defineExercise({
  limits: { maxVirtualSeconds: 700 },
  checks: [
    check("the program runs to the end without an error", async (t) => {
      t.expect(
        await t.run(),
        "When the time is up, asyncio.wait_for raises asyncio.TimeoutError in the coroutine that " +
          "awaited it. Catch it in ask, so one slow mirror does not end the whole program.",
      ).toFinishOk();
    }),
    check("the fast mirrors' answers are printed as soon as they arrive", async (t) => {
      t.expect(
        await t.run(),
        "Give each mirror its own 2-second limit. A single limit around all of them cancels the " +
          "fast answers along with the slow one.",
      )
        .toPrintAt("eu: 200 OK", 1)
        .toPrintAt("asia: 200 OK", 1.5);
    }),
    check("the dead mirror is given up on after 2 s", async (t) => {
      t.expect(
        await t.run(),
        "Wrap the request in asyncio.wait_for(fetch_from(mirror, seconds), 2) and print " +
          '"us: gave up after 2 s" when it times out.',
      ).toPrintAt("us: gave up after 2 s", 2);
    }),
    check("the program ends at 2 s: the slow request is cancelled, not left running", async (t) => {
      t.expect(
        await t.run(),
        "Sleeping 2 s and then looking is not a timeout: the request keeps running and main waits " +
          "for it. wait_for cancels the request when the time is up.",
      ).toEndAtTime(2);
    }),
    hidden("no blocking call and no coroutine left un-awaited", async (t) => {
      t.expect(await t.run()).toHaveNoWarnings();
    }),
  ],
});
