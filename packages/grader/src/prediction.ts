/**
 * Predict-the-output exercises: the student fills a `const prediction: string[] = [...]` array in
 * the program. Graders read it from the source text (a check compares it with what the program
 * really printed), so the prediction never has to run to be graded.
 */

/** The strings of the `prediction` array in a submission's source, or null if there is none. */
export function readPrediction(source: string): string[] | null {
  const match = /const\s+prediction(?:\s*:\s*string\[\])?\s*=\s*\[([\s\S]*?)\]\s*;/.exec(source);
  if (!match) return null;
  const strings = match[1]!.matchAll(/"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|`([^`$\\]*)`/g);
  return [...strings].map((m) => (m[1] ?? m[2] ?? m[3] ?? "").replace(/\\(.)/g, "$1"));
}
