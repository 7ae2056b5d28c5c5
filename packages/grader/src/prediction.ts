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

/** What `checkPrediction` compares the student's prediction with. */
export interface PredictionSpec {
  /** The lines the program really prints, in order. */
  expected: readonly string[];
  /** A nudge per expected line, shown when the prediction gets that line wrong. */
  nudges?: Readonly<Record<string, string>>;
  /** The nudge when no other fits. */
  fallback: string;
  /**
   * Picks the nudge itself, before `nudges`: given the index of the first wrong line (-1 when
   * only the number of lines is wrong) and what the prediction has there.
   */
  nudge?: (wrongAt: number, got: string | undefined) => string | undefined;
}

/** The part of a check's `t` that checkPrediction uses. */
interface PredictionContext {
  readonly source: string;
  fail(message: string): never;
}

/**
 * Fails the check unless the submission's `prediction` array lists exactly `expected`, saying
 * which line is the first wrong one and why it is printed as it is.
 */
export function checkPrediction(t: PredictionContext, spec: PredictionSpec): void {
  const prediction = readPrediction(t.source);
  if (prediction === null) {
    t.fail(
      "Expected a `const prediction: string[] = [ ... ];` array in the program.\n" +
        "Got: none was found. Keep the array from the starter and fill it in.",
    );
  }
  const { expected } = spec;
  const wrongAt = expected.findIndex((line, i) => prediction[i] !== line);
  if (wrongAt < 0 && prediction.length === expected.length) return;
  const got = wrongAt < 0 ? undefined : prediction[wrongAt];
  const custom = spec.nudge?.(wrongAt, got);
  if (wrongAt < 0) {
    const more = custom === undefined ? "" : ` ${custom}`;
    t.fail(
      `Expected ${expected.length} lines.\nGot: ${prediction.length} lines; the first ${expected.length} are right.${more}`,
    );
  }
  const nudge = custom ?? spec.nudges?.[expected[wrongAt]!] ?? spec.fallback;
  t.fail(
    `Expected line ${wrongAt + 1} of the prediction to be right.\n` +
      `Got: ${JSON.stringify(got ?? "(nothing)")} there.\n${nudge}`,
  );
}
