import type { RunExpectation } from "@interleave/grader";
import { check, defineExercise } from "@interleave/grader";

const BROKEN = ["alice gets a seat", "bob gets a seat", "seats left: -1"];

/** Both buyers got the one seat (in either order) and the count went below zero. */
function expectDoubleBooking(e: RunExpectation): void {
  for (const line of BROKEN) e.toPrintLine(line);
}

export default defineExercise({
  limits: { maxVirtualSeconds: 10 },
  checks: [
    check("every step in the schedule belongs to alice or bob, and the program ends", async (t) => {
      t.expect(
        await t.run(),
        'A buyer waits until the next entry of the schedule is its own name, spelled exactly "alice" or "bob". ' +
          "An entry that names nobody, or a step a buyer never takes, leaves the others waiting forever.",
      ).toFinishOk();
    }),
    check("the schedule sells the last seat twice", async (t) => {
      expectDoubleBooking(
        t.expect(await t.run(), "Both buyers must see a seat left. Who has to check before anyone takes?"),
      );
    }),
    check("the double booking follows from the schedule, in 30 random schedules too", async (t) => {
      await t.explore({ strategy: "random", runs: 30 }, (run) =>
        expectDoubleBooking(
          t.expect(
            run,
            "Your schedule must force the double booking whatever the scheduler does with the " +
              "steps it does not control.",
          ),
        ),
      );
    }),
  ],
});
