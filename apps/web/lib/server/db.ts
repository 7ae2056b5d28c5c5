// The process's database and auth instance, opened (and the database created and migrated) on
// first use: instrumentation.ts migrates at server start, the first request opens the handle.
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import {
  type Actor,
  type Auth,
  createAuth,
  type Database,
  defaultDatabaseUrl,
  getActor,
  sharedDatabase,
} from "@interleave/db";
import { headers } from "next/headers";
import { env } from "@/lib/env";
import { persistedSecret } from "./auth-secret";
import { cachedActor, sessionCachePlugin } from "./session-cache";

/** The database URL the app uses: DATABASE_URL, else <repo>/data/interleave.db. */
export const databaseUrl = env.DATABASE_URL ?? defaultDatabaseUrl();

function dataDir(): string {
  // The folder of the default SQLite file (<repo>/data), also for PostgreSQL deployments.
  return dirname(fileURLToPath(defaultDatabaseUrl().replace(/^file:/, "file://")));
}

/** A local server answers on localhost and 127.0.0.1: trust the other spelling too. */
function loopbackTwin(): string[] {
  const twin = new URL(env.BASE_URL);
  if (twin.hostname === "localhost") twin.hostname = "127.0.0.1";
  else if (twin.hostname === "127.0.0.1") twin.hostname = "localhost";
  else return [];
  return [twin.origin];
}

let opened: Promise<{ db: Database; auth: Auth }> | null = null;

/**
 * The migrated database and the better-auth instance on it. The database is the process's one
 * handle for the URL (`sharedDatabase`, a registry on globalThis that every copy of
 * @interleave/db in Next's bundles shares); the auth instance, a light object over it, is made
 * once per module copy.
 */
export function services(): Promise<{ db: Database; auth: Auth }> {
  opened ??= sharedDatabase(databaseUrl).then((db) => {
    const secret = env.AUTH_SECRET ?? persistedSecret(dataDir());
    const auth = createAuth({
      db,
      secret,
      baseURL: env.BASE_URL,
      trustedOrigins: loopbackTwin(),
      // Forgets a signed-out session in Submit's session cache at once.
      plugins: [sessionCachePlugin()],
    });
    return { db, auth };
  });
  opened.catch(() => {
    opened = null;
  });
  return opened;
}

/** The signed-in person of the current request, or null. */
export async function currentActor(): Promise<Actor | null> {
  const { auth } = await services();
  return getActor(auth, await headers());
}

/**
 * The signed-in person of the current request, or null, as a Submit needs it: a session resolved
 * in the last few seconds is not looked up again (lib/server/session-cache.ts). Not for anything
 * that depends on the role: a role change may be seen only after SESSION_CACHE_MS.
 */
export async function submittingActor(): Promise<Actor | null> {
  const { auth } = await services();
  return cachedActor(auth, await headers());
}

/** Who is signed in for the current request (for the header), or null. */
export async function currentSession(): Promise<{ name: string; email: string; role: string } | null> {
  const { auth } = await services();
  const session = await auth.api.getSession({ headers: await headers() });
  if (!session) return null;
  const user = session.user as { name: string; email: string; role?: unknown };
  return { name: user.name, email: user.email, role: typeof user.role === "string" ? user.role : "student" };
}
