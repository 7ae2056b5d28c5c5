/**
 * How long the web app waits on this package: loading a full-size course (13 modules, 39
 * exercises, the shape of exercises/ when it is complete) and rendering 13 lessons, cold (the
 * first render creates shiki's highlighter and compiles each grammar) and warm (`next dev`
 * re-rendering a page). Run with `npm run bench -w @interleave/content`.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { loadCourse } from "../src/course";
import { renderMarkdown } from "../src/markdown";

function lessonBody(n: number): string {
  const sections = [];
  for (let s = 1; s <= 6; s++) {
    sections.push(
      `## Section ${s} of lesson ${n}`,
      "A paragraph of prose about threads, tasks and the event loop, with `inline code`, **bold**, " +
        "a [link](https://docs.python.org/3/library/asyncio.html) and an everyday analogy. ".repeat(3),
      "```python",
      "import asyncio",
      "",
      "async def worker(name: str, delay: float) -> str:",
      "    await asyncio.sleep(delay)",
      '    print(f"{name} done")',
      "    return name",
      "```",
      "```ts run",
      "async function worker(name: string, delay: number) {",
      "  await asyncio.sleep(delay);",
      '  print(name + " done");',
      "  return name;",
      "}",
      'asyncio.run(asyncio.gather(worker("a", 1), worker("b", 2)));',
      "```",
      "| approach | I/O-bound | CPU-bound |",
      "|---|---|---|",
      "| threads | faster | no faster |",
      "| processes | faster | faster |",
    );
  }
  return sections.join("\n\n");
}

/** Wall time in ms; CPU time (user + system, this process) is summed into `cpu` for the report. */
async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const value = await fn();
  const used = process.cpuUsage(cpuStart);
  lastCpu = (used.user + used.system) / 1000;
  return [value, performance.now() - start];
}
let lastCpu = 0;

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const root = await mkdtemp(path.join(os.tmpdir(), "content-bench-"));
try {
  for (let m = 1; m <= 13; m++) {
    const dir = path.join(root, `${String(m).padStart(2, "0")}-module-${m}`);
    await mkdir(dir);
    await writeFile(
      path.join(dir, "lesson.md"),
      `---\ntitle: Lesson ${m}\nsummary: About ${m}.\n---\n\n${lessonBody(m)}\n`,
    );
    for (let e = 1; e <= 3; e++) {
      const ex = path.join(dir, `exercise-${e}`);
      await mkdir(path.join(ex, "wrong"), { recursive: true });
      await writeFile(
        path.join(ex, "README.md"),
        `---\ntitle: Exercise ${e}\ndifficulty: easy\nhints:\n  - one\n  - two\n---\n\nDo the thing.\n`,
      );
      for (const file of ["starter.ts", "solution.ts", "grader.ts", "wrong/a.ts", "wrong/b.ts"]) {
        await writeFile(path.join(ex, file), "export const x = 1;\n");
      }
    }
  }

  const loads: number[] = [];
  const loadCpu: number[] = [];
  for (let i = 0; i < 30; i++) {
    loads.push((await time(() => loadCourse(root)))[1]);
    loadCpu.push(lastCpu);
  }
  const [course] = await time(() => loadCourse(root));
  console.log(
    `loadCourse (13 modules, 39 exercises): p50 ${percentile(loads, 50).toFixed(1)} ms, ` +
      `p99 ${percentile(loads, 99).toFixed(1)} ms, ${percentile(loadCpu, 50).toFixed(1)} ms CPU`,
  );

  const lessons = course.modules.map((m) => m.lesson.markdown);
  const [, cold] = await time(async () => {
    for (const markdown of lessons) await renderMarkdown(markdown);
  });
  console.log(
    `render 13 lessons, cold (creates the highlighter): ${cold.toFixed(0)} ms (${lastCpu.toFixed(0)} ms CPU)`,
  );
  // A changed paragraph defeats the cache, as an edited lesson does.
  const warm: number[] = [];
  const warmCpu: number[] = [];
  for (let i = 0; i < 5; i++) {
    warm.push(
      (
        await time(async () => {
          for (const markdown of lessons) await renderMarkdown(`${markdown}\n\nEdit ${i}.\n`);
        })
      )[1],
    );
    warmCpu.push(lastCpu);
  }
  const [, cached] = await time(async () => {
    for (const markdown of lessons) await renderMarkdown(markdown);
  });
  const perLesson = warm.map((t) => t / lessons.length);
  console.log(
    `render 13 lessons, warm: p50 ${percentile(warm, 50).toFixed(0)} ms, ${percentile(warmCpu, 50).toFixed(0)} ms CPU ` +
      `(${percentile(perLesson, 50).toFixed(1)} ms per lesson of ${lessons[0]!.length} chars, 12 code blocks)`,
  );
  console.log(`render 13 unchanged lessons again (cached): ${cached.toFixed(2)} ms`);
} finally {
  await rm(root, { recursive: true, force: true });
}
