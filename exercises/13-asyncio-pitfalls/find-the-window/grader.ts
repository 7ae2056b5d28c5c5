import { check, defineExercise } from "@interleave/grader";

// The bank's code, which must stay as it is (compared with whitespace collapsed).
const BANK = `let balance = 100;

async function withdraw(who: string, amount: number, arrives: number) {
  await asyncio.sleep(arrives);
  print(\`\${who} asks for \${amount}\`);
  if (balance >= amount) {
    await asyncio.sleep(0.25); // the fraud check
    balance -= amount;
    print(\`\${who} withdrew \${amount}\`);
  } else {
    print(\`\${who} was refused\`);
  }
}

async function main() {
  await asyncio.gather(withdraw("alice", 80, ALICE_ARRIVES), withdraw("bob", 50, BOB_ARRIVES));
  print(\`balance: \${balance}\`);
}`;

const squash = (text: string) => text.replace(/\s+/g, " ").trim();

export default defineExercise({
  limits: { maxVirtualSeconds: 600 },
  checks: [
    check("the bank's code is unchanged: only the two arrival times are chosen", async (t) => {
      if (!squash(t.source).includes(squash(BANK))) {
        t.fail(
          "Expected withdraw and main exactly as in the starter.\nGot: they were changed. " +
            "This exercise is about finding the timing that breaks the code, not about changing " +
            "it: edit only ALICE_ARRIVES and BOB_ARRIVES.",
        );
      }
      t.expect(await t.run(), "Arrival times must be numbers of seconds, 0 or more.").toFinishOk();
    }),
    check("Alice and Bob arrive at least 0.1 s apart", async (t) => {
      const run = await t.run();
      const alice = run.output.find((l) => l.text === "alice asks for 80");
      const bob = run.output.find((l) => l.text === "bob asks for 50");
      if (!alice || !bob)
        return t.fail("Expected both customers to ask for money.\nGot: one of them never did.");
      const gap = Math.abs(alice.time - bob.time);
      if (gap < 0.1 - 1e-9) {
        t.fail(
          `Expected the two arrivals to be at least 0.1 s apart.\nGot: ${gap.toFixed(3)} s apart. ` +
            "Arriving together is the easy case; find how far apart they can be and still break the bank.",
        );
      }
    }),
    check("the bank is broken: the balance ends below zero", async (t) => {
      t.expect(
        await t.run(),
        "The second customer must check the balance while the first one is still in the fraud " +
          "check, that is after the first one asked and before their money left the account.",
      ).toPrintLine(/^balance: -/);
    }),
  ],
});
