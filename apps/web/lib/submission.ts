/**
 * Validating a Submit before anything is graded: the input's shape (zod), a known exercise id,
 * and the size of the code. Every refusal is a sentence the student can act on.
 */
import { z } from "zod";
import { MAX_CODE_BYTES } from "./site";

export const SubmitInput = z.object({
  exerciseId: z
    .string({
      error: (issue) =>
        issue.input === undefined ? "The exercise is missing." : "That is not an exercise of this course.",
    })
    .max(200, { error: "That is not an exercise of this course." })
    .regex(/^[0-9]{2}-[a-z0-9-]+\/[a-z0-9][a-z0-9-]*$/, { error: "That is not an exercise of this course." }),
  code: z.string({
    error: (issue) => (issue.input === undefined ? "The code is missing." : "The code must be text."),
  }),
});

export type SubmitInput = z.infer<typeof SubmitInput>;

export type Validated = { ok: true; input: SubmitInput } | { ok: false; error: string };

/** Checks a Submit's input against the course's exercise ids and the size limit. */
export function validateSubmission(raw: unknown, knownIds: readonly string[]): Validated {
  const parsed = SubmitInput.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, error: parsed.error.issues[0]?.message ?? "The submission is malformed." };
  }
  const { exerciseId, code } = parsed.data;
  if (!knownIds.includes(exerciseId)) return { ok: false, error: "That is not an exercise of this course." };
  const bytes = new TextEncoder().encode(code).length;
  if (bytes > MAX_CODE_BYTES) {
    const kib = (n: number) => `${Math.ceil(n / 1024)} KiB`;
    return {
      ok: false,
      error: `Your program is ${kib(bytes)}; the limit is ${kib(MAX_CODE_BYTES)}. Remove what the exercise does not need.`,
    };
  }
  if (code.trim() === "") return { ok: false, error: "The editor is empty: write a program, then Submit." };
  return { ok: true, input: parsed.data };
}
