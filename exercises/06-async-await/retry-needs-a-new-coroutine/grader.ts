import { check, defineExercise } from "@interleave/grader";

export default defineExercise({
  limits: { maxVirtualSeconds: 60 },
  checks: [
    check("retry does not await a coroutine object twice", async (t) => {
      const run = await t.run();
      const reused = run.output.some((line) => line.text.includes("cannot reuse already awaited coroutine"));
      if (reused) {
        t.fail(
          "Expected every try to await a coroutine that has not run yet.\n" +
            'Got: "cannot reuse already awaited coroutine". A coroutine object runs once; to try ' +
            "again, call fetch_page again. Give retry a function that makes a new request each time.",
        );
      }
    }),
    check("each try sends a new request: attempts 1, 2 and 3 reach the server", async (t) => {
      t.expect(
        await t.run(),
        "Each try must call fetch_page again. Awaiting the same task or coroutine again only gives " +
          "back the first result (or error).",
      ).toPrintInOrder([1, 2, 3].map((n) => `attempt ${n}: GET example.org`));
    }),
    check("the page arrives on the third try and main prints it", async (t) => {
      t.expect(await t.run())
        .toFinishOk()
        .toPrintLine("got <html>example.org</html>");
    }),
    check("retry still pauses 0.5 s after each failure: the page arrives at 4 s", async (t) => {
      t.expect(
        await t.run(),
        "Three 1-second tries plus two 0.5-second pauses make 4 s. Keep the pause between tries.",
      ).toPrintAt("got <html>example.org</html>", 4);
    }),
  ],
});
