import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { directExecutor } from "../direct-executor";
import type { CliIO } from "./io";
import { main } from "./main";

const fixtures = path.resolve(import.meta.dirname, "../__fixtures__/course");
const executor = directExecutor();

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: CliIO = {
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
    cwd: fixtures,
    color: false,
    executor,
    root: fixtures,
  };
  const code = await main(args, io);
  return { code, out, err };
}

describe("interleave grade", () => {
  it("exits 0 and lists every check when all pass", async () => {
    const { code, out } = await cli("grade", "01-basics/hello", "01-basics/hello/solution.ts");
    expect(code).toBe(0);
    expect(out).toContain("✓ prints hello then world");
    expect(out).toContain("2 checks: 2 passed");
  });

  it("exits 1 with what was expected and what happened when a check fails", async () => {
    const { code, out } = await cli("grade", "01-basics/hello", "01-basics/hello/wrong/no-sleep.ts");
    expect(code).toBe(1);
    expect(out).toContain("✗ world comes one virtual second later");
    expect(out).toContain('Expected "world" to be printed at 1 s.');
    expect(out).toContain("Got: it was printed at 0 s.");
  });

  it("prints results.json v3 with --json", async () => {
    const { code, out } = await cli("grade", "--json", "01-basics/hello", "01-basics/hello/starter.ts");
    expect(code).toBe(1);
    const result = JSON.parse(out);
    expect(result).toMatchObject({ version: 3, status: "fail", interleave: { exercise: "01-basics/hello" } });
    expect(result.tests[0]).toEqual({
      name: "prints hello then world",
      status: "fail",
      message: expect.stringContaining("the output stopped after 1 lines"),
      output: "[  0.000] hello",
    });
  });

  it("exits 2 for a grader that throws while loading, naming grader.ts and the cause", async () => {
    const { code, out } = await cli("grade", "01-basics/throws-on-load", "01-basics/hello/solution.ts");
    expect(code).toBe(2);
    expect(out).toMatch(/throws-on-load\/grader\.ts: grader\.ts failed to load: TypeError: .*seeds/);
  });

  it("exits 2 for a grader whose check throws, with the check and the line", async () => {
    const { code, out } = await cli("grade", "01-basics/throws-in-check", "01-basics/hello/solution.ts");
    expect(code).toBe(2);
    expect(out).toContain("✓ prints hello");
    expect(out).toMatch(
      /! reads a field of nothing\n\s+01-basics\/throws-in-check\/grader\.ts threw in check "reads a field of nothing": TypeError: .*\(at .*grader\.ts:11:\d+\)/,
    );
  });

  it("exits 2 for usage errors: unknown command, unknown exercise, missing file", async () => {
    expect(await cli("frobnicate")).toMatchObject({
      code: 2,
      err: expect.stringContaining("unknown command"),
    });
    expect(await cli("grade", "01-basics/helo", "01-basics/hello/solution.ts")).toMatchObject({
      code: 2,
      err: expect.stringContaining("Did you mean '01-basics/hello'?"),
    });
    expect(await cli("grade", "01-basics/hello", "nope.ts")).toMatchObject({
      code: 2,
      err: expect.stringContaining("cannot read 'nope.ts'"),
    });
    expect(await cli("grade", "01-basics/hello")).toMatchObject({ code: 2 });
    expect(await cli("run", "01-basics/hello/solution.ts", "--strategy", "lucky")).toMatchObject({
      code: 2,
      err: expect.stringContaining("unknown strategy 'lucky'"),
    });
  });
});

describe("interleave run", () => {
  it("prints the output with virtual timestamps and a timeline", async () => {
    const { code, out, err } = await cli("run", "01-basics/hello/solution.ts", "--timeline");
    expect(code).toBe(0);
    expect(out).toMatch(/^\s+0\.000s Task-1\s+hello\n\s+1\.000s Task-1\s+world\n/);
    expect(out).toMatch(/\nTask-1\s+█─+█\n/);
    expect(out).toContain("█ running  · ready  ─ sleeping");
    expect(err).toContain("ok: finished normally at 1 s of virtual time");
  });

  it("prints the whole result with --json", async () => {
    const { out } = await cli("run", "--json", "--seed", "3", "01-basics/hello/solution.ts");
    expect(JSON.parse(out)).toMatchObject({ status: "ok", time: 1, schedule: { seed: 3 } });
  });
});

describe("interleave check", () => {
  it("passes a sound exercise", async () => {
    const { code, out } = await cli("check", "01-basics/hello");
    expect(out).toContain("✓ 01-basics/hello");
    expect(out).toContain("1 exercise checked: 1 ok");
    expect(code).toBe(0);
  });

  it("reports every broken exercise of the course precisely", async () => {
    const { code, out } = await cli("check");
    expect(code).toBe(1);
    expect(out).toMatch(/bad-frontmatter\/README\.md:3.*difficulty/);
    expect(out).toMatch(/missing-starter\/starter\.ts: missing starter\.ts/);
    expect(out).toMatch(/✗ 01-basics\/throws-on-load[^\n]*\n\s+.*grader\.ts failed to load: TypeError/);
    expect(out).toContain("the default export must be the result of defineExercise");
    expect(out).toContain('two checks are named "prints hello"');
    expect(out).toContain("wrong/no-sleep.ts passes every check, but it must fail at least one");
    expect(out).toContain("✓ 01-basics/hello");
  });
});

describe("interleave new", () => {
  const made: string[] = [];
  afterAll(async () => {
    for (const dir of made) await rm(dir, { recursive: true, force: true });
  });

  it("scaffolds an exercise that check reports until its checks are written", async () => {
    // Inside the package, so the scaffolded grader.ts resolves @interleave/grader.
    const scratch = path.resolve(import.meta.dirname, "../../.tmp");
    await mkdir(scratch, { recursive: true });
    const root = await mkdtemp(path.join(scratch, "new-"));
    made.push(root);
    await cp(path.join(fixtures, "01-basics/lesson.md"), path.join(root, "01-basics/lesson.md"), {
      recursive: true,
    });
    let out = "";
    const io: CliIO = {
      stdout: (t) => void (out += t),
      stderr: () => {},
      cwd: root,
      color: false,
      executor,
      root,
    };
    expect(await main(["new", "01-basics/my-exercise"], io)).toBe(0);
    for (const file of ["README.md", "starter.ts", "solution.ts", "grader.ts", "wrong"]) {
      expect(existsSync(path.join(root, "01-basics/my-exercise", file))).toBe(true);
    }
    expect(await main(["new", "01-basics/my-exercise"], io)).toBe(2);
    out = "";
    expect(await main(["check", "01-basics/my-exercise"], io)).toBe(1);
    expect(out).toContain("TODO: write this check");
    expect(await main(["new", "Bad_Module/x"], io)).toBe(2);
  });
});
