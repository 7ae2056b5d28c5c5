import { check, defineExercise, hidden } from "@interleave/grader";

const CLIENTS = [1, 2, 3];
const STEPS = ["connected", "processed", "sent"];

export default defineExercise({
  limits: { maxVirtualSeconds: 60 },
  checks: [
    check("the server runs to the end without an error", async (t) => {
      t.expect(await t.run()).toFinishOk();
    }),
    check("each client is connected, processed and sent, in that order", async (t) => {
      const run = await t.run();
      for (const id of CLIENTS) {
        t.expect(
          run,
          `Keep handle_client as it is: it prints the three lines for client ${id}.`,
        ).toPrintInOrder(STEPS.map((step) => `client ${id} ${step}`));
      }
    }),
    check("all three clients are done in 2 virtual seconds, not 6", async (t) => {
      t.expect(
        await t.run(),
        "Each client spends 2 s waiting. If they wait at the same time, the server needs 2 s in all.",
      ).toEndAtTime(2);
    }),
    check("the output is interleaved as a concurrent server prints it", async (t) => {
      t.expect(
        await t.run(),
        "Start all three clients before waiting for any of them (asyncio.gather does both).",
      ).toPrint(STEPS.flatMap((step) => CLIENTS.map((id) => `client ${id} ${step}`)));
    }),
    hidden("no call blocks the event loop", async (t) => {
      t.expect(
        await t.run(),
        "time.sleep() inside a coroutine stops every other task; await asyncio.sleep() instead.",
      ).toNotWarn("blocking-call");
    }),
  ],
});
