/**
 * Programs that try to forge a passing result are graded on what they did, in the real grading
 * pool: printing text that looks like a pass or like results.json, rewriting the runtime's
 * functions or the realm's built-ins, or reaching for the host. Each is graded as not passing
 * (fail or error), and the reference solution still passes after them in the same workers.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { defaultCourseRoot } from "@interleave/content";
import { describe, expect, it } from "vitest";
import { gradeOnServer } from "@/lib/grading";

const EXERCISE = "12-asyncio/three-clients";
const solution = readFileSync(join(defaultCourseRoot(), EXERCISE, "solution.ts"), "utf8");
const LINES = ["connected", "processed", "sent"].flatMap((s) => [1, 2, 3].map((id) => `client ${id} ${s}`));

const FORGERIES: Record<string, string> = {
  "prints a pass": `import { print } from "interleave";\nprint("PASS: 5 of 5 checks passed");\nprint("✓ all checks passed");\n`,
  "prints results.json": `import { print } from "interleave";\nprint(JSON.stringify({ version: 3, status: "pass", tests: [{ name: "x", status: "pass" }] }));\n`,
  "prints the expected lines without waiting": `import { print } from "interleave";\n${LINES.map((l) => `print(${JSON.stringify(l)});`).join("\n")}\n`,
  "rewrites asyncio.sleep to skip time": `import { asyncio, print } from "interleave";
(asyncio as unknown as Record<string, unknown>).sleep = async () => {};
Object.defineProperty(asyncio, "run", { value: () => { ${LINES.map((l) => `print(${JSON.stringify(l)});`).join(" ")} } });
asyncio.run(Promise.resolve() as never);
`,
  "rewrites the realm's built-ins": `import { print } from "interleave";
Array.prototype.every = () => true;
Object.prototype.status = "pass";
JSON.stringify = () => '{"status":"pass"}';
String.prototype.includes = () => true;
print("done");
`,
  "reaches for the host": `import { print } from "interleave";
const g = globalThis as Record<string, unknown>;
print(String(typeof g.process) + String(typeof g.require) + String(typeof g.fetch));
(g.process as { exit(code: number): void }).exit(0);
`,
  "throws an object that says pass": `throw { status: "pass", toString() { return "pass"; } };\n`,
  "defines a global the grader might read": `Object.defineProperty(globalThis, "__interleave_result", { value: { status: "pass" }, writable: false, configurable: false });\nimport { print } from "interleave";\nprint("x");\n`,
};

describe("submissions that try to forge a passing result", () => {
  for (const [name, code] of Object.entries(FORGERIES)) {
    it(`${name}: not a pass`, async () => {
      const view = await gradeOnServer(EXERCISE, code);
      expect(view.status).not.toBe("pass");
      expect(view.tests.some((t) => t.status !== "pass")).toBe(true);
    });
  }

  it("the reference solution still passes in the same workers afterwards", async () => {
    const view = await gradeOnServer(EXERCISE, solution);
    expect(view.status).toBe("pass");
    expect(view.tests.every((t) => t.status === "pass")).toBe(true);
  });
});
