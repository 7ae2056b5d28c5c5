/** The one place the app reads environment variables, validated at startup. */
import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** The course folder; defaults to the repository's exercises/ (tests point it at fixtures). */
  INTERLEAVE_COURSE_ROOT: z.string().min(1).optional(),
});

export const env = schema.parse({
  NODE_ENV: process.env.NODE_ENV,
  INTERLEAVE_COURSE_ROOT: process.env.INTERLEAVE_COURSE_ROOT,
});
