// Input validation with zod: every public function parses its input here first, so malformed
// or oversized input is refused with an InvalidError before anything is read or changed.
import { z } from "zod";
import { InvalidError, UnauthenticatedError } from "./errors";
import type { Actor } from "./types";

/** Size limits the web app can show next to the editor. */
export const limits = {
  /** Characters of code in a submission or a draft. */
  codeChars: 64 * 1024,
  /** Characters of the serialised grading result. */
  resultChars: 1024 * 1024,
  /** Characters of a class name. */
  classNameChars: 100,
  /** Characters of a person's name (sign-up, profile). */
  personNameChars: 100,
  /** Characters of an email address (RFC 5321's path limit). */
  emailChars: 254,
  /** Grading time a submission may report. */
  gradingMs: 10 * 60 * 1000,
} as const;

/** "<module>/<exercise>", each part a folder name: letters, digits, '-', '_', '.' (not leading). */
export const exerciseIdSchema = z
  .string()
  .max(160)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*\/[A-Za-z0-9][A-Za-z0-9._-]*$/, 'Expected "<module>/<exercise>".');

/** An optional list of exercise ids: the columns of a teacher's view, in the course's order. */
export const exerciseIdsSchema = z.array(exerciseIdSchema).max(2000).optional();

export const idSchema = z.string().min(1).max(100);

const statusSchema = z.enum(["pass", "fail", "error"]);

export const resultSchema = z.looseObject({
  version: z.literal(3),
  status: statusSchema,
  message: z.string().nullish(),
  tests: z
    .array(
      z.looseObject({
        name: z.string().min(1).max(500),
        status: statusSchema,
        message: z.string().nullish(),
        output: z.string().nullish(),
        task_id: z.number().int().nullish(),
      }),
    )
    .max(1000),
});

export const codeSchema = z
  .string()
  .max(limits.codeChars, `Code is limited to ${limits.codeChars} characters.`);

export const submissionInputSchema = z.object({
  exerciseId: exerciseIdSchema,
  code: codeSchema,
  result: resultSchema,
  gradingMs: z.number().int().min(0).max(limits.gradingMs),
  /** 0..1; by default the share of checks that passed (1 or 0 without checks). */
  score: z.number().min(0).max(1).optional(),
});

export const draftInputSchema = z.object({ exerciseId: exerciseIdSchema, code: codeSchema });

export const classNameSchema = z
  .string()
  .trim()
  .min(1, "A class needs a name.")
  .max(limits.classNameChars, `A class name is limited to ${limits.classNameChars} characters.`);

/** Parses `input` or throws an InvalidError listing every problem by path. */
export function parse<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join(".") || "input";
    issues[path] ??= issue.message;
  }
  const summary = Object.entries(issues)
    .map(([path, message]) => (path === "input" ? message : `${path}: ${message}`))
    .join("; ");
  throw new InvalidError(`Invalid input: ${summary}`, issues);
}

const actorSchema = z.object({ id: idSchema, role: z.enum(["student", "teacher"]) });

/** The actor, or an UnauthenticatedError for anonymous callers. */
export function requireActor(actor: Actor | null | undefined): Actor {
  if (actor == null) throw new UnauthenticatedError();
  return parse(actorSchema, actor);
}
