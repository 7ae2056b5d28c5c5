/** Describing what a grader threw, without trusting it (it may not even be an Error). */

/** The first "grader.ts:line:column" of an error's stack, to point a teacher at the line. */
export function graderLocation(error: unknown, graderFile: string): string | null {
  const stack = error instanceof Error ? (error.stack ?? "") : "";
  const base = graderFile.split(/[\\/]/).pop() ?? graderFile;
  for (const line of stack.split("\n")) {
    const match = line.match(/([^\s()]*grader\.ts):(\d+):(\d+)/);
    if (match && match[1]!.endsWith(base)) return `${graderFile}:${match[2]}:${match[3]}`;
  }
  return null;
}

/** "TypeError: x is not a function" (never throws, whatever was thrown). */
export function describeThrown(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  try {
    return `a non-error value was thrown: ${String(error)}`;
  } catch {
    return "a non-error value was thrown";
  }
}
