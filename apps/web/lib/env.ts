/** The one place the app reads environment variables, validated at startup. */
import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** The course folder; defaults to the repository's exercises/ (tests point it at fixtures). */
  INTERLEAVE_COURSE_ROOT: z.string().min(1).optional(),
  /** file:/abs/path.db or postgresql://...; defaults to <repo>/data/interleave.db (lib/db.ts). */
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, "DATABASE_URL must start with file: or postgresql://")
    .optional(),
  /** Signs session cookies (32+ characters); generated into the data folder when unset. */
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  /** The app's public origin, e.g. https://interleave.school.example. */
  BASE_URL: z.url().default("http://localhost:3000"),
  /** Submits a signed-in student may make a minute (default 10); the load test raises it. */
  SUBMIT_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(10),
});

export const env = schema.parse({
  NODE_ENV: process.env.NODE_ENV,
  INTERLEAVE_COURSE_ROOT: process.env.INTERLEAVE_COURSE_ROOT,
  DATABASE_URL: process.env.DATABASE_URL || undefined,
  AUTH_SECRET: process.env.AUTH_SECRET || undefined,
  // Vite (vitest) sets BASE_URL to its public path "/" in every test process: not an origin.
  BASE_URL: process.env.BASE_URL === "/" ? undefined : process.env.BASE_URL || undefined,
  SUBMIT_LIMIT_PER_MINUTE: process.env.SUBMIT_LIMIT_PER_MINUTE || undefined,
});
