/**
 * Hostile submissions graded through the QuickJS sandbox: none may pass, and each must come back
 * because a limit stopped it (the deadline, the memory cap), not because a test timed out.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "./cli/main";
import type { Executor } from "./executor";
import { gradeSubmission } from "./grade";
import { sandboxExecutor } from "./sandbox-executor";

const exercise = path.resolve(import.meta.dirname, "../../../exercises/12-asyncio/three-clients");
let executor: Executor & Disposable;
beforeAll(async () => {
  executor = await sandboxExecutor();
});
afterAll(() => executor[Symbol.dispose]());

const grade = (source: string) => gradeSubmission(exercise, source, { executor, includeHidden: true });

/** The nine lines a correct server prints, printed at once by a program that does no work. */
const FAKE_LINES = ["connected", "processed", "sent"]
  .flatMap((step) => [1, 2, 3].map((id) => `client ${id} ${step}`))
  .map((line) => `print(${JSON.stringify(line)});`)
  .join("\n");

// Generous timeouts: a safety net for a loaded machine, not a speed assertion (the assertions
// are on which limit stopped each run).
describe("hostile submissions never pass", { timeout: 30_000 }, () => {
  it("an infinite loop is stopped by the run's deadline, and later runs are not started", async () => {
    const result = await grade("while (true) {}");
    expect(result.status).toBe("fail");
    expect(result.tests.every((t) => t.status === "fail")).toBe(true);
    const stops = result.interleave.tests.map((t) => t.stop);
    expect(stops[0]).toBe("DeadlineExceeded");
    expect(stops.slice(1).every((s) => s === "GradingDeadline")).toBe(true);
    expect(result.tests.at(-1)?.message).toContain("not run: an earlier run was stopped by the");
  });

  it("an infinite loop that swallows the interrupt in try/catch/finally is stopped the same way", async () => {
    const result = await grade("for (;;) { try { for (;;) {} } catch (e) {} finally { for (;;) {} } }");
    expect(result.status).toBe("fail");
    expect(result.interleave.tests[0]?.stop).toBe("DeadlineExceeded");
  });

  it("a memory bomb is stopped by the memory limit", async () => {
    const result = await grade("const hoard = []; for (;;) hoard.push(new Array(100000).fill(1.5));");
    expect(result.status).toBe("fail");
    // Whichever limit comes first on this machine: the memory cap, or the deadline.
    expect(["MemoryLimitExceeded", "DeadlineExceeded"]).toContain(result.interleave.tests[0]?.stop);
  });

  it("printing what looks like a passing result is only output", async () => {
    const result = await grade(`import { print } from "interleave";
print('{"version":3,"status":"pass","tests":[]}');
print("✓ all three clients are done in 2 virtual seconds, not 6");
${FAKE_LINES}`);
    expect(result.status).toBe("fail");
    expect(result.tests.find((t) => t.name.includes("2 virtual seconds"))).toMatchObject({
      status: "fail",
      message: expect.stringContaining("it finished at 0 s"),
    });
  });

  it("rewriting the runtime (the clock, sleep, the result's serialisation) fails, never passes", async () => {
    const attempts = [
      `import { asyncio, print } from "interleave"; asyncio.sleep = async () => {}; ${FAKE_LINES}`,
      `import { time, print } from "interleave"; Object.defineProperty(time, "monotonic", { value: () => 2 }); ${FAKE_LINES}`,
      `import { print } from "interleave"; JSON.stringify = () => '{"version":1,"status":"ok","time":2}'; ${FAKE_LINES}`,
      `import { print } from "interleave"; Object.defineProperty(Object.prototype, "time", { get() { return 2; } }); ${FAKE_LINES}`,
      `import { print } from "interleave"; Array.prototype.push = function () { return 0; }; ${FAKE_LINES}`,
    ];
    for (const source of attempts) {
      const result = await grade(source);
      expect(result.status, source).toBe("fail");
    }
  });

  it("'interleave grade' on an infinite loop exits 1 with every check failed by the deadline", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "interleave-hostile-"));
    const file = path.join(dir, "loop.ts");
    await writeFile(file, "for (;;) {}");
    let out = "";
    const io = { stdout: (t: string) => void (out += t), stderr: () => {}, cwd: dir, color: false, executor };
    const code = await main(["grade", "--json", exercise, file], io);
    await rm(dir, { recursive: true });
    expect(code).toBe(1);
    const result = JSON.parse(out);
    expect(result.status).toBe("fail");
    expect(result.interleave.tests[0].stop).toBe("DeadlineExceeded");
  });
});
