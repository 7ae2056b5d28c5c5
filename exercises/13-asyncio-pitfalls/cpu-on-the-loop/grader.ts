import { check, defineExercise, hidden } from "@interleave/grader";

const CHECKS = [1, 2, 3, 4, 5, 6];

export default defineExercise({
  limits: { maxVirtualSeconds: 60 },
  checks: [
    check("the program runs to the end without an error", async (t) => {
      t.expect(
        await t.run(),
        "`await` does not move computing off the loop. Hand build_report to a worker with " +
          "loop.run_in_executor(pool, build_report) and await the future it returns.",
      ).toFinishOk();
    }),
    check("no CPU work runs on the event loop's thread", async (t) => {
      t.expect(
        await t.run(),
        "build_report computes for 2.2 s; on the loop's thread nothing else can run meanwhile. " +
          "Run it in a ProcessPoolExecutor through loop.run_in_executor.",
      ).toNotWarn("blocking-call");
    }),
    check("every health check is answered on time, every 0.5 s", async (t) => {
      const run = await t.run();
      for (const i of CHECKS) {
        t.expect(
          run,
          "The health checks only run when the loop is free. While the report is computed on the " +
            "loop's thread, they are late.",
        ).toPrintAt(`health check ${i}: ok`, i * 0.5);
      }
    }),
    check("the report is ready at 2.2 s, computed while the health checks go on", async (t) => {
      t.expect(
        await t.run(),
        "Start the report right away, in a worker, and await its future: it needs 2.2 s of CPU " +
          "whatever happens, so it should not wait for anything else first.",
      ).toPrintAt("report: 42 pages", 2.2);
    }),
    hidden("no warnings at all", async (t) => {
      t.expect(await t.run()).toHaveNoWarnings();
    }),
  ],
});
