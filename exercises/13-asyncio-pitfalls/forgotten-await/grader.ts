import { check, defineExercise } from "@interleave/grader";

export default defineExercise({
  limits: { maxVirtualSeconds: 60 },
  checks: [
    check("the program runs to the end without an error", async (t) => {
      t.expect(
        await t.run(),
        "`await` needs a coroutine, task or future: call the function (`audit(...)`) and await " +
          "what the call returns, not the function itself.",
      ).toFinishOk();
    }),
    check("alice's balance is printed as a number, not as a coroutine object", async (t) => {
      t.expect(
        await t.run(),
        "Calling an async function gives a coroutine object, printed as <coroutine object " +
          "get_balance>. Its result exists only once you await it.",
      ).toPrintAt("alice has 120", 0.5);
    }),
    check("the balance check is written to the audit log before 'done'", async (t) => {
      t.expect(
        await t.run(),
        "audit(...) without await creates a coroutine object that never runs. A task created " +
          "and never awaited is cancelled when main returns.",
      ).toPrintInOrder(["alice has 120", "audit: alice checked her balance", "done"]);
    }),
    check('no "coroutine ... was never awaited" warning', async (t) => {
      t.expect(
        await t.run(),
        "Each warning names a coroutine that was created but never run: await it.",
      ).toNotWarn("never-awaited");
    }),
    check("main waits 0.5 s for the balance and 0.2 s for the audit: done at 0.7 s", async (t) => {
      t.expect(await t.run())
        .toPrintAt("done", 0.7)
        .toEndAtTime(0.7);
    }),
  ],
});
