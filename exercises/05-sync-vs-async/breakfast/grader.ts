import { check, defineExercise, hidden } from "@interleave/grader";

const DISHES = ["coffee ready", "toast ready", "egg ready"];

export default defineExercise({
  limits: { maxVirtualSeconds: 60 },
  checks: [
    check("the program runs to the end without an error", async (t) => {
      t.expect(await t.run()).toFinishOk();
    }),
    check("the coffee is poured only after the water has boiled", async (t) => {
      t.expect(
        await t.run(),
        "Some steps depend on others: brew_coffee needs the water that boil_water heats. " +
          "Running two steps at the same time is only right when neither needs the other.",
      ).toPrintInOrder(["water boiled", "pouring water on the coffee", "coffee ready"]);
    }),
    check("breakfast is served last, once coffee, toast and egg are all ready", async (t) => {
      const run = await t.run();
      for (const dish of DISHES) {
        t.expect(run, "Wait for every dish (await them all) before printing the last line.").toPrintInOrder([
          dish,
          "breakfast is served",
        ]);
      }
    }),
    check("breakfast is ready in 4 virtual seconds, not 8", async (t) => {
      t.expect(
        await t.run(),
        "The longest chain is the coffee: 3 s to boil, then 1 s to brew. The toast and the egg " +
          "can cook during those 4 seconds instead of after them.",
      ).toEndAtTime(4);
    }),
    hidden("no blocking call and no coroutine left un-awaited", async (t) => {
      t.expect(await t.run()).toHaveNoWarnings();
    }),
  ],
});
