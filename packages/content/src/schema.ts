/**
 * The frontmatter a lesson (lesson.md) and an exercise prompt (README.md) may carry.
 *
 * Each field has a zod schema and a plain-words description of what it accepts; the description
 * is what a teacher reads in an error ("difficulty: expected one of intro, easy, medium, hard;
 * got 'hrad'"), so zod's own generic messages are never shown. Unknown fields are errors (a typo
 * such as `titel` must not be silently ignored).
 */
import { z } from "zod";

export const DIFFICULTIES = ["intro", "easy", "medium", "hard"] as const;
export const EXERCISE_KINDS = ["write", "fix", "find-schedule", "predict"] as const;
export const MAX_HINTS = 5;

export type Difficulty = (typeof DIFFICULTIES)[number];
export type ExerciseKind = (typeof EXERCISE_KINDS)[number];

/** A frontmatter field: its schema, and what it accepts in words (also used for list items). */
export interface FieldSpec {
  schema: z.ZodType;
  expected: string;
  /** For list fields: what one item accepts. */
  itemExpected?: string;
  required: boolean;
}

const text = z.string().trim().min(1);
const order = z.number().int().min(1).max(999);

const lessonFields = {
  title: { schema: text, expected: "a non-empty string", required: true },
  summary: { schema: text, expected: "a non-empty string", required: true },
  order: { schema: order.optional(), expected: "a whole number from 1 to 999", required: false },
} satisfies Record<string, FieldSpec>;

const exerciseFields = {
  title: { schema: text, expected: "a non-empty string", required: true },
  difficulty: { schema: z.enum(DIFFICULTIES), expected: `one of ${DIFFICULTIES.join(", ")}`, required: true },
  hints: {
    schema: z.array(text).max(MAX_HINTS).default([]),
    expected: `a list of at most ${MAX_HINTS} strings`,
    itemExpected: "a non-empty string",
    required: false,
  },
  kind: {
    schema: z.enum(EXERCISE_KINDS).default("write"),
    expected: `one of ${EXERCISE_KINDS.join(", ")}`,
    required: false,
  },
  tags: {
    schema: z.array(z.string().regex(/^[a-z0-9][a-z0-9-]*$/)).default([]),
    expected: "a list of lowercase words (letters, digits, dashes)",
    itemExpected: "a lowercase word (letters, digits, dashes)",
    required: false,
  },
  order: { schema: order.optional(), expected: "a whole number from 1 to 999", required: false },
} satisfies Record<string, FieldSpec>;

function objectOf<F extends Record<string, FieldSpec>>(fields: F) {
  const shape = Object.fromEntries(Object.entries(fields).map(([key, spec]) => [key, spec.schema]));
  return z.strictObject(shape as { [K in keyof F]: F[K]["schema"] });
}

export const lessonFrontmatter = {
  fields: lessonFields as Record<string, FieldSpec>,
  schema: objectOf(lessonFields),
};
export const exerciseFrontmatter = {
  fields: exerciseFields as Record<string, FieldSpec>,
  schema: objectOf(exerciseFields),
};

export type LessonFrontmatter = z.output<typeof lessonFrontmatter.schema>;
export type ExerciseFrontmatter = z.output<typeof exerciseFrontmatter.schema>;

/** Folder-name rules: modules are numbered ("03-multithreading"), exercises are plain slugs. */
export const MODULE_FOLDER = /^[0-9]{2}-[a-z0-9-]+$/;
export const EXERCISE_FOLDER = /^[a-z0-9][a-z0-9-]*$/;
