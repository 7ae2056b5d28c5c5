import { type CheckContext, check, defineExercise, hidden } from "@interleave/grader";

type RunResult = Awaited<ReturnType<CheckContext["run"]>>;

const N = 5;
const MEALS = 3;

interface Meal {
  who: number;
  start: number;
  end: number;
}

/** The meals in a run's output: from "philosopher i eats" to "philosopher i is full". */
function meals(run: RunResult): Meal[] {
  const open = new Map<number, number>();
  const out: Meal[] = [];
  for (const line of run.output) {
    const m = /^philosopher (\d) (eats|is full)$/.exec(line.text);
    if (!m) continue;
    const who = Number(m[1]);
    if (m[2] === "eats") open.set(who, line.time);
    else {
      out.push({ who, start: open.get(who) ?? line.time, end: line.time });
      open.delete(who);
    }
  }
  for (const [who, start] of open) out.push({ who, start, end: Number.POSITIVE_INFINITY });
  return out;
}

const neighbours = (a: number, b: number) => (a - b + N) % N === 1 || (b - a + N) % N === 1;
const overlap = (a: Meal, b: Meal) => a.start < b.end && b.start < a.end;

/** Two meals of the given kind of pair that overlap in time, or null. */
function overlapping(run: RunResult, adjacent: boolean): [Meal, Meal] | null {
  const all = meals(run);
  for (const a of all) {
    for (const b of all) {
      if (a.who < b.who && neighbours(a.who, b.who) === adjacent && overlap(a, b)) return [a, b];
    }
  }
  return null;
}

/** A reason why neighbours shared a fork in this run, or null. */
function sharedFork(run: RunResult): string | null {
  const pair = overlapping(run, true);
  if (pair === null) return null;
  const [a, b] = pair;
  return (
    `Expected neighbours never to eat at the same time: they share a fork.\n` +
    `Got: philosophers ${a.who} and ${b.who} were both eating at ${Math.max(a.start, b.start)} s.\n` +
    "A philosopher must hold both forks while eating; giving up on a fork must mean not eating yet."
  );
}

export default defineExercise({
  limits: { maxVirtualSeconds: 120 },
  checks: [
    check("every philosopher eats three meals and dinner ends (default schedule)", async (t) => {
      const run = await t.run();
      t.expect(
        run,
        "The runtime's report names the circle: each philosopher holds one fork and waits for " +
          "the fork the next one holds. Break the circle.",
      ).toFinishOk();
      for (let i = 0; i < N; i++) {
        const eaten = meals(run).filter((m) => m.who === i).length;
        if (eaten !== MEALS) {
          t.fail(
            `Expected philosopher ${i} to eat ${MEALS} meals.\nGot: ${eaten}.\n` +
              "Keep the loop of three meals and the eats / is full lines.",
          );
        }
      }
      t.expect(run).toPrintLine("dinner is over");
    }),
    check("neighbours never eat at the same time", async (t) => {
      const reason = sharedFork(await t.run());
      if (reason !== null) t.fail(reason);
    }),
    check("two philosophers who are not neighbours eat at the same time", async (t) => {
      const run = await t.run();
      if (run.status !== "ok") {
        return t.fail(
          "Expected the dinner to finish, so that its meals can be compared.\n" +
            `Got: it ended with status ${run.status} at ${run.time} s. Fix the deadlock first.`,
        );
      }
      if (overlapping(run, false) !== null) return;
      const total = run.time;
      t.fail(
        "Expected the dinner to stay concurrent: philosophers who share no fork can eat together.\n" +
          `Got: no two philosophers ever ate at the same time; dinner took ${total} s.\n` +
          "A rule that lets only one philosopher eat at a time avoids the deadlock by giving up " +
          "concurrency. Prevent the circle of waiting instead.",
      );
    }),
    check("no deadlock and no shared fork in 60 PCT schedules", async (t) => {
      await t.explore({ strategy: "pct", depth: 2, runs: 60 }, (run) => {
        t.expect(
          run,
          "In some order of events every philosopher ends up holding one fork and waiting for " +
            "another. Make sure no circle of waiting can form, whoever moves first.",
        ).toFinishOk();
        return sharedFork(run) ?? true;
      });
    }),
    hidden("no deadlock and no shared fork in 30 random schedules", async (t) => {
      await t.explore({ strategy: "random", runs: 30 }, (run) => {
        t.expect(run, "Some order of events still lets the circle of waiting close.").toFinishOk();
        return sharedFork(run) ?? true;
      });
    }),
  ],
});
