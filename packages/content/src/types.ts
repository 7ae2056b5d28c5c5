/**
 * The course as the loader returns it. Everything here may be sent to a browser: the reference
 * solution, the wrong answers and the grader are referred to by path only, and read by the
 * server-side calls in solutions.ts.
 */
import type { Difficulty, ExerciseKind } from "./schema";

export interface Course {
  /** Absolute path of the exercises/ folder. */
  root: string;
  /** Modules in order. */
  modules: Module[];
}

export interface Module {
  /** The folder name, e.g. "03-multithreading". */
  id: string;
  order: number;
  /** Absolute path of the module folder. */
  dir: string;
  lesson: Lesson;
  /** Exercises in order (by `order`, then by folder name). */
  exercises: Exercise[];
}

export interface Lesson {
  title: string;
  summary: string;
  /** The markdown after the frontmatter. */
  markdown: string;
  /** 1-based line of lesson.md where `markdown` starts. */
  markdownLine: number;
  /** Absolute path of lesson.md. */
  path: string;
  /**
   * True when the module has no lesson.md yet: the title comes from the folder name, summary
   * and markdown are empty, and the module still lists its exercises.
   */
  missing: boolean;
}

export interface Exercise {
  /** "<module-folder>/<exercise-folder>", e.g. "08-race-conditions/lost-update". */
  id: string;
  /** The module folder name. */
  module: string;
  /** The exercise folder name. */
  slug: string;
  title: string;
  difficulty: Difficulty;
  /** Progressive hints, first to last (0 to 5). */
  hints: string[];
  kind: ExerciseKind;
  tags: string[];
  /** Explicit position within the module, when the README sets `order`. */
  order: number | undefined;
  /** The README's markdown after the frontmatter. */
  prompt: string;
  /** 1-based line of README.md where `prompt` starts. */
  promptLine: number;
  /** The contents of starter.ts. */
  starter: string;
  /** Absolute path of the exercise folder. */
  dir: string;
  files: ExerciseFiles;
}

/** Absolute paths of an exercise's files. */
export interface ExerciseFiles {
  readme: string;
  starter: string;
  solution: string;
  grader: string;
  /** wrong/*.ts, sorted by name. */
  wrong: string[];
}
