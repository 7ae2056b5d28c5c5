/**
 * Server-side reads of what a student must never receive: the reference solution and the
 * wrong answers. The Course/Exercise objects only carry their paths; call these from the
 * server, the grader or the CLI, never from code whose result is sent to a browser.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Exercise } from "./types";

export interface WrongAnswer {
  /** The file name without .ts, e.g. "unlocked-increment". */
  name: string;
  path: string;
  source: string;
}

/** The reference solution's source (server only). */
export async function loadSolution(exercise: Pick<Exercise, "files">): Promise<string> {
  return readFile(exercise.files.solution, "utf8");
}

/** Every wrong/*.ts answer with its source, sorted by name (server only). */
export async function loadWrongAnswers(exercise: Pick<Exercise, "files">): Promise<WrongAnswer[]> {
  return Promise.all(
    exercise.files.wrong.map(async (file) => ({
      name: path.basename(file, ".ts"),
      path: file,
      source: await readFile(file, "utf8"),
    })),
  );
}
