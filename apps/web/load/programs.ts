/**
 * What students submit, read from the course: mostly reference solutions and wrong answers (the
 * typical submission of an iterating student), some unfinished starters, and a few hostile
 * programs (endless loops, memory bombs) that the sandbox must stop without hurting anyone else.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { defaultCourseRoot } from "@interleave/content";

export type ProgramKind = "solution" | "wrong" | "starter" | "hostile";

export interface Program {
  exerciseId: string;
  kind: ProgramKind;
  code: string;
}

export const HOSTILE = [
  "while (true) {}\n",
  "const a: number[][] = [];\nfor (let i = 0; ; i++) a.push([i, i, i, i, i, i, i, i]);\n",
  "let s = 'x';\nwhile (true) s = s + s;\n",
];

/** Every exercise's solution, wrong answers and starter, and the hostile programs. */
export function coursePrograms(root = defaultCourseRoot()): Record<ProgramKind, Program[]> {
  const programs: Record<ProgramKind, Program[]> = { solution: [], wrong: [], starter: [], hostile: [] };
  for (const module of readdirSync(root)
    .filter((m) => /^\d{2}-/.test(m))
    .sort()) {
    for (const slug of readdirSync(join(root, module)).sort()) {
      const dir = join(root, module, slug);
      if (!existsSync(join(dir, "grader.ts"))) continue;
      const exerciseId = `${module}/${slug}`;
      const read = (file: string) => readFileSync(join(dir, file), "utf8");
      programs.solution.push({ exerciseId, kind: "solution", code: read("solution.ts") });
      programs.starter.push({ exerciseId, kind: "starter", code: read("starter.ts") });
      if (existsSync(join(dir, "wrong"))) {
        for (const file of readdirSync(join(dir, "wrong")).filter((f) => f.endsWith(".ts"))) {
          programs.wrong.push({ exerciseId, kind: "wrong", code: read(join("wrong", file)) });
        }
      }
    }
  }
  const anyExercise = programs.solution[0]?.exerciseId ?? "";
  programs.hostile = HOSTILE.map((code, i) => ({
    exerciseId: programs.solution[i % programs.solution.length]?.exerciseId ?? anyExercise,
    kind: "hostile",
    code,
  }));
  return programs;
}

/** The share of each kind in the mix: what a class iterating on the exercises sends. */
export const MIX: Record<ProgramKind, number> = { solution: 0.5, wrong: 0.35, starter: 0.13, hostile: 0.02 };

/** A deterministic generator (mulberry32), so a run's sequence of submissions can be repeated. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks the next submission of the mix. */
export function pick(programs: Record<ProgramKind, Program[]>, next: () => number): Program {
  let r = next();
  for (const kind of ["solution", "wrong", "starter", "hostile"] as const) {
    r -= MIX[kind];
    const list = programs[kind];
    if (r < 0 && list.length > 0) return list[Math.floor(next() * list.length)]!;
  }
  const list = programs.solution;
  return list[Math.floor(next() * list.length)]!;
}
