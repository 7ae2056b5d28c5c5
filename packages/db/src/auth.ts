// Sign-up, sign-in and sessions, by better-auth (email + password) on our Prisma client.
//
// The web app mounts `auth.handler` at /api/auth/* (better-auth's own routes) and resolves the
// acting user of a request with `getActor(auth, headers)`. better-auth hashes passwords with
// scrypt (salted, memory-hard), keeps sessions in the Session table behind an httpOnly,
// SameSite=Lax cookie (Secure when baseURL is https), and rate-limits its HTTP routes in the
// RateLimit table (shared by all app instances): sign-in and sign-up per client IP. Rate limits
// apply to requests through `auth.handler` only, not to direct `auth.api.*` calls.
// Everyone signs up as a student; `role` cannot be set through the API (input: false).
import { type BetterAuthPlugin, betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError } from "better-auth/api";
import { z } from "zod";
import { type Database, prismaOf } from "./database";
import { toRole } from "./rows";
import type { Actor } from "./types";
import { limits, parse } from "./validation";

export interface AuthOptions {
  db: Database;
  /** At least 32 characters of secret (signs cookies); e.g. `openssl rand -base64 32`. */
  secret: string;
  /** The app's public origin, e.g. http://localhost:3000. */
  baseURL: string;
  /** Other origins allowed to call the auth routes (baseURL's origin always is). */
  trustedOrigins?: string[];
  /** Extra better-auth plugins, e.g. nextCookies() from "better-auth/next-js" (put it last). */
  plugins?: BetterAuthPlugin[];
  /** Rate limits on the auth routes (default on). Turn off only in tests that sign in often. */
  rateLimit?: boolean;
  /** Requests allowed per minute and IP on sign-in (default 10) and sign-up (default 5). */
  signInPerMinute?: number;
  signUpPerMinute?: number;
  /** better-auth's log level (default "warn": failed sign-ins are logged). */
  logLevel?: "debug" | "info" | "warn" | "error";
}

const optionsSchema = z.object({
  secret: z.string().min(32, "The auth secret must be at least 32 characters."),
  baseURL: z.url(),
});

/** Refuses a sign-up or profile change whose name or email is empty or too long (400). */
function checkProfile(user: { name?: unknown; email?: unknown }): void {
  if (user.name !== undefined) {
    if (typeof user.name !== "string" || user.name.trim() === "")
      throw new APIError("BAD_REQUEST", { message: "Enter your name." });
    if (user.name.length > limits.personNameChars)
      throw new APIError("BAD_REQUEST", {
        message: `A name is limited to ${limits.personNameChars} characters.`,
      });
  }
  if (typeof user.email === "string" && user.email.length > limits.emailChars)
    throw new APIError("BAD_REQUEST", {
      message: `An email address is limited to ${limits.emailChars} characters.`,
    });
}

/** Builds the better-auth instance the web app mounts. */
export function createAuth(options: AuthOptions) {
  parse(optionsSchema, { secret: options.secret, baseURL: options.baseURL });
  return betterAuth({
    appName: "Interleave",
    secret: options.secret,
    baseURL: options.baseURL,
    trustedOrigins: options.trustedOrigins ?? [],
    database: prismaAdapter(prismaOf(options.db), { provider: options.db.provider }),
    emailAndPassword: {
      enabled: true,
      autoSignIn: true,
      minPasswordLength: 8,
      maxPasswordLength: 128,
    },
    user: {
      additionalFields: {
        role: { type: "string", required: false, defaultValue: "student", input: false },
      },
    },
    databaseHooks: {
      user: {
        create: { before: async (user) => checkProfile(user) },
        update: { before: async (user) => checkProfile(user) },
      },
    },
    session: {
      expiresIn: 60 * 60 * 24 * 30,
      updateAge: 60 * 60 * 24,
    },
    rateLimit: {
      enabled: options.rateLimit ?? true,
      storage: "database",
      window: 60,
      max: 100,
      customRules: {
        "/sign-in/*": { window: 60, max: options.signInPerMinute ?? 10 },
        "/sign-up/*": { window: 60, max: options.signUpPerMinute ?? 5 },
      },
    },
    advanced: {
      useSecureCookies: options.baseURL.startsWith("https:"),
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
    },
    telemetry: { enabled: false },
    logger: { level: options.logLevel ?? "warn" },
    plugins: options.plugins ?? [],
  });
}

export type Auth = ReturnType<typeof createAuth>;

/** A request's session as the app needs it: who acts, the session's token and its expiry. */
export interface ActorSession {
  actor: Actor;
  token: string;
  expiresAt: Date;
}

/** The session behind a request's session cookie, or null for anonymous. */
export async function getActorSession(auth: Auth, headers: Headers): Promise<ActorSession | null> {
  const session = await auth.api.getSession({ headers });
  if (!session) return null;
  const user = session.user as { id: string; role?: unknown };
  const role = toRole(typeof user.role === "string" ? user.role : "student");
  return {
    actor: { id: user.id, role },
    token: session.session.token,
    expiresAt: new Date(session.session.expiresAt),
  };
}

/** The signed-in person behind a request's session cookie, or null for anonymous. */
export async function getActor(auth: Auth, headers: Headers): Promise<Actor | null> {
  return (await getActorSession(auth, headers))?.actor ?? null;
}
