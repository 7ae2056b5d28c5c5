/**
 * A grading worker killed mid-run: a program stuck in one long built-in call (no interrupt can
 * stop it) overruns its deadline, the pool terminates its worker and starts another. That
 * submission gets a result that is not a pass and says why; the workers are all back, and the
 * next submission grades normally. Memory bombs and infinite loops are stopped inside the worker
 * without killing it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { defaultCourseRoot } from "@interleave/content";
import { describe, expect, it } from "vitest";
import { gradeOnServer, gradingStatus } from "@/lib/grading";

const EXERCISE = "12-asyncio/three-clients";
const solution = readFileSync(join(defaultCourseRoot(), EXERCISE, "solution.ts"), "utf8");

async function workersBack(threads: number): Promise<number> {
  for (let i = 0; i < 200 && (await gradingStatus()).threads < threads; i++)
    await new Promise((r) => setTimeout(r, 25));
  return (await gradingStatus()).threads;
}

describe("a grading worker killed mid-run", () => {
  it("fails that submission with a reason, replaces the worker, and grades the next one normally", async () => {
    expect((await gradeOnServer(EXERCISE, solution)).status).toBe("pass");
    const before = await gradingStatus();
    expect(before.threads).toBeGreaterThan(0);

    const stuck = await gradeOnServer(EXERCISE, "Array(2 ** 32 - 1).join('ab');\n");
    expect(stuck.status).not.toBe("pass");
    expect(JSON.stringify(stuck.tests)).toMatch(/stopped|deadline|too long|seconds/i);
    const after = await gradingStatus();
    expect(after.pool.killed).toBeGreaterThan(before.pool.killed);
    expect(after.inFlight).toBe(0);

    expect(await workersBack(before.threads)).toBe(before.threads);
    const next = await gradeOnServer(EXERCISE, solution);
    expect(next.status).toBe("pass");
  });

  it("stops memory bombs and endless loops without losing a worker", async () => {
    const before = await gradingStatus();
    for (const bomb of [
      "const a: number[][] = [];\nfor (let i = 0; ; i++) a.push([i, i, i, i, i, i, i, i]);\n",
      "let s = 'x';\nwhile (true) s = s + s;\n",
      "while (true) {}\n",
    ]) {
      const view = await gradeOnServer(EXERCISE, bomb);
      expect(view.status).not.toBe("pass");
    }
    expect((await gradeOnServer(EXERCISE, solution)).status).toBe("pass");
    expect((await gradingStatus()).threads).toBe(before.threads);
  });
});
