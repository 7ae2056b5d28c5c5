/**
 * `interleave new MODULE/EXERCISE`: scaffolds an exercise folder for a teacher to fill in. The
 * scaffold is valid but deliberately unfinished: its grader fails the reference solution, so
 * `interleave check` and `npm test` keep reporting it until the checks are written.
 */
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { defaultCourseRoot, EXERCISE_FOLDER, MODULE_FOLDER } from "@interleave/content";
import { UsageError } from "../errors";
import { type CliIO, EXIT, paint } from "./io";

const README = `---
title: TODO a short title
difficulty: easy
kind: write
hints:
  - TODO a gentle first hint.
  - TODO a more explicit second hint.
---

TODO the prompt: what the program must do, what it must print, and how fast (in virtual seconds).
`;

const PROGRAM = `import { asyncio, print } from "interleave";

async function main() {
  print("TODO");
}

asyncio.run(main());
`;

const GRADER = `import { check, defineExercise } from "@interleave/grader";

// See docs/grading.md. Each check's name says what it proves; its messages teach.
export default defineExercise({
  checks: [
    check("the program runs to the end without an error", async (t) => {
      t.expect(await t.run()).toFinishOk();
    }),
    check("TODO what the reference does and the starter does not", async (t) => {
      t.fail("TODO: write this check (see docs/grading.md)");
    }),
  ],
});
`;

const WRONG = `// TODO a plausible wrong answer that must fail a check (name the file after the mistake).
${PROGRAM}`;

const LESSON = `---
title: TODO the module's title
summary: TODO one sentence for the course outline.
---

TODO the lesson.
`;

/** Creates exercises/MODULE/EXERCISE with a README, starter, solution, grader and wrong/. */
export async function newCommand(id: string, io: CliIO): Promise<number> {
  const c = paint(io);
  const [moduleId, slug, ...rest] = id.replace(/\/+$/, "").split("/");
  if (!moduleId || !slug || rest.length > 0) {
    throw new UsageError(`give MODULE/EXERCISE, e.g. 08-race-conditions/lost-update (got '${id}')`);
  }
  if (!MODULE_FOLDER.test(moduleId)) {
    throw new UsageError(
      `module '${moduleId}' must be two digits, a dash and a lowercase name, e.g. 03-multithreading`,
    );
  }
  if (!EXERCISE_FOLDER.test(slug)) {
    throw new UsageError(`exercise '${slug}' must be lowercase letters, digits and dashes, e.g. lost-update`);
  }
  const root = io.root ?? defaultCourseRoot(io.cwd);
  const dir = path.join(root, moduleId, slug);
  if (existsSync(dir)) throw new UsageError(`${path.relative(io.cwd, dir)} already exists`);
  await mkdir(path.join(dir, "wrong"), { recursive: true });
  const files: [string, string][] = [
    ["README.md", README],
    ["starter.ts", PROGRAM],
    ["solution.ts", PROGRAM],
    ["grader.ts", GRADER],
    [path.join("wrong", "todo-first-mistake.ts"), WRONG],
    [path.join("wrong", "todo-second-mistake.ts"), WRONG],
  ];
  const lesson = path.join(root, moduleId, "lesson.md");
  if (!existsSync(lesson)) files.push([path.join("..", "lesson.md"), LESSON]);
  for (const [name, text] of files) {
    const file = path.join(dir, name);
    await writeFile(file, text, { flag: "wx" });
    io.stdout(`${c.green("created")} ${path.relative(io.cwd, file)}\n`);
  }
  io.stdout(
    `\nFill in the TODOs, then run: npx interleave check ${path.relative(io.cwd, dir)}\n` +
      "(docs/authoring.md describes the files; docs/grading.md the checks)\n",
  );
  return EXIT.ok;
}
