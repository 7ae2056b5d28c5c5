import { check, defineExercise, hidden } from "@interleave/grader";

const DISHES = ["soup", "salad", "toast", "roast", "tea", "pasta"];

export default defineExercise({
  limits: { maxVirtualSeconds: 120 },
  checks: [
    check("the program ends: every order is marked done and the cooks go home", async (t) => {
      t.expect(
        await t.run(),
        "`await orders.join()` returns only when task_done() was called once per order; call it " +
          "after each dish. And do not wait for the cooks themselves: they loop for ever, so " +
          "cancel them once the queue is done. (In Python such a program would hang for ever; " +
          "the runtime reports the hang as a deadlock.)",
      ).toFinishOk();
    }),
    check("every order is served exactly once", async (t) => {
      const run = await t.run();
      for (const dish of DISHES) {
        const served = run.output.filter((l) => / serves /.test(l.text) && l.text.endsWith(` ${dish}`));
        if (served.length !== 1) {
          t.fail(
            `Expected "${dish}" to be served once.\nGot: ${served.length} time(s). ` +
              "Each cook should take an order with `await orders.get()` and print " +
              "`${name} serves ${dish}` when it is cooked.",
          );
        }
      }
    }),
    check("ann and bob cook at the same time, each one dish at a time", async (t) => {
      const run = await t.run();
      let cooking = 0;
      let most = 0;
      for (const line of run.output) {
        if (/ starts /.test(line.text)) cooking += 1;
        if (/ serves /.test(line.text)) cooking -= 1;
        most = Math.max(most, cooking);
      }
      for (const cook of ["ann", "bob"]) {
        t.expect(run, 'Start two cook tasks, named "ann" and "bob", on the same queue.').toPrintLine(
          new RegExp(`^${cook} serves `),
        );
      }
      if (most !== 2) {
        t.fail(`Expected 2 dishes cooking at the busiest moment (one per cook).\nGot: ${most}.`);
      }
    }),
    check("the kitchen closes at 5 s, right after the last dish", async (t) => {
      const run = await t.run();
      t.expect(
        run,
        "10 s of cooking shared by two cooks who each take the next order as soon as they are " +
          "free ends at 5 s. Print 'kitchen closed' after orders.join().",
      ).toEndAtTime(5);
      const last = run.output.at(-1)?.text;
      if (last !== "kitchen closed") {
        t.fail(
          `Expected "kitchen closed" to be the last line.\nGot: ${JSON.stringify(last ?? "(nothing)")}.`,
        );
      }
    }),
    hidden("no blocking call and no coroutine left un-awaited", async (t) => {
      t.expect(await t.run()).toHaveNoWarnings();
    }),
  ],
});
