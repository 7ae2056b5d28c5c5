import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { check, defineExercise } from "./check";
import { directExecutor } from "./direct-executor";
import { gradeSubmission, gradeWithDefinition } from "./grade";

const exercises = path.resolve(import.meta.dirname, "../../../exercises");
const threeClients = path.join(exercises, "12-asyncio/three-clients");
const read = (file: string) => readFile(path.join(threeClients, file), "utf8");
const executor = directExecutor();

describe("gradeSubmission on 12-asyncio/three-clients", () => {
  it("passes the reference solution on every check, hidden ones included", async () => {
    const result = await gradeSubmission("12-asyncio/three-clients", await read("solution.ts"), {
      executor,
      includeHidden: true,
      root: exercises,
    });
    expect(result.tests.map((t) => [t.name, t.status, t.message])).toEqual(
      result.tests.map((t) => [t.name, "pass", null]),
    );
    expect(result).toMatchObject({ version: 3, status: "pass", interleave: { hiddenIncluded: true } });
    expect(result.tests).toHaveLength(5);
  });

  it("fails the starter and says what was expected and what happened", async () => {
    const result = await gradeSubmission(threeClients, await read("starter.ts"), { executor });
    expect(result.status).toBe("fail");
    const timing = result.tests.find((t) => t.name.includes("2 virtual seconds"));
    expect(timing?.status).toBe("fail");
    expect(timing?.message).toContain("Expected the program to finish at 2 s of virtual time");
    expect(timing?.message).toContain("Got: it finished at 6 s");
    expect(timing?.output).toContain("client 1 connected");
    expect(result.interleave.hiddenSkipped).toBe(1);
    expect(result.tests.map((t) => t.name)).not.toContain("no call blocks the event loop");
  });

  it("fails a blocking time.sleep only through the hidden check and the timing", async () => {
    const result = await gradeSubmission(threeClients, await read("wrong/blocking-sleep.ts"), {
      executor,
      includeHidden: true,
    });
    const byName = Object.fromEntries(result.tests.map((t) => [t.name, t.status]));
    expect(byName).toMatchObject({
      "the server runs to the end without an error": "pass",
      "all three clients are done in 2 virtual seconds, not 6": "fail",
      "no call blocks the event loop": "fail",
    });
  });

  it("never passes output that only looks like a passing result", async () => {
    const fake = `import { print } from "interleave";
print('{"version":3,"status":"pass","tests":[]}');
print("PASS all three clients are done in 2 virtual seconds");
for (const id of [1, 2, 3]) print("client " + id + " connected");`;
    const result = await gradeSubmission(threeClients, fake, { executor, includeHidden: true });
    expect(result.status).toBe("fail");
  });

  it("makes a check an error, not a failure, when the grading's budget runs out", async () => {
    const definition = defineExercise({
      checks: [check("the same output under 500 seeds", async (t) => void (await t.runSeeds(500)))],
    });
    const result = await gradeWithDefinition(
      definition,
      "12-asyncio/three-clients",
      await read("solution.ts"),
      {
        executor,
        budgetMs: 1,
      },
    );
    expect(result.status).toBe("error");
    expect(result.tests[0]?.message).toMatch(/grading ran out of its 1 ms budget/);
  });
});

describe("a busy executor", () => {
  it("does not count time spent waiting for it as a program's deadline: a failing program is still run under every seed", async () => {
    const definition = defineExercise({
      checks: [
        check("prints done under three seeds", async (t) => {
          const runs = await t.runSeeds(3);
          t.expect(runs[2]!).toPrint(["done"]);
        }),
      ],
    });
    // Every run comes back after waiting longer than the run deadline, as in a saturated pool.
    const slow = {
      run: async (request: Parameters<typeof executor.run>[0]) => {
        await new Promise((resolve) => setTimeout(resolve, 30));
        return executor.run(request);
      },
    };
    const result = await gradeWithDefinition(definition, "x/busy", `throw new Error("not yet");`, {
      executor: slow,
      runDeadlineMs: 5,
      budgetMs: 10_000,
    });
    expect(result.interleave.executed).toBe(3);
    expect(result.tests[0]?.message).toMatch(/^Expected these lines/);
    expect(result.tests[0]?.message).not.toMatch(/deadline/);
  });
});
