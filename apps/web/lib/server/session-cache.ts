/**
 * Who is submitting, remembered for a few seconds per session cookie.
 *
 * Resolving a session costs two Prisma queries (the session by its token, then its user), each
 * compiled by Prisma's query compiler on the server's thread (5-6 ms of CPU a lookup under
 * vitest; a graded Submit in the production server got ~2 ms cheaper without it, see
 * docs/reliability.md). A student submits again and again with the same cookie, so Submit
 * remembers the answer for SESSION_CACHE_MS (never past the session's expiry). Only valid sessions are
 * remembered, keyed by the whole signed cookie value: a forged or altered cookie never matches an
 * entry and is checked by better-auth as before.
 *
 * Sign-out: better-auth deletes the session row, and `sessionCachePlugin` (a database hook on that
 * delete) forgets it at once, on this instance; another instance behind the same balancer keeps
 * using it for at most SESSION_CACHE_MS (better-auth's own cookie cache allows five minutes).
 * Used by Submit only, whose actor is an id: pages and teachers' actions, where a role change must
 * be seen at once, ask the database every time (`currentActor`).
 */
import { type Actor, type AuthOptions, getActor, getActorSession } from "@interleave/db";

/** How long a resolved session is reused (ms). */
export const SESSION_CACHE_MS = 30_000;
/** The most sessions remembered; the oldest are dropped first. */
const MAX_ENTRIES = 10_000;

interface Entry {
  actor: Actor;
  /** The session's token (what better-auth deletes on sign-out). */
  token: string;
  until: number;
}

/** better-auth's session cookie (with the `__Secure-` prefix on https). */
const SESSION_COOKIE = /^(?:__Secure-)?better-auth\.session_token$/;

const STATE = Symbol.for("interleave.web.session-cache");
type StateHolder = { [STATE]?: Map<string, Entry> };

/** One map per process, shared by every copy of this module Next's bundles make. */
function entries(): Map<string, Entry> {
  const holder = globalThis as StateHolder;
  holder[STATE] ??= new Map();
  return holder[STATE];
}

/** The request's session cookie values, joined (the cache key), or null when there is none. */
function sessionKey(headers: Headers): string | null {
  const cookie = headers.get("cookie");
  if (!cookie) return null;
  const values: string[] = [];
  for (const pair of cookie.split(";")) {
    const at = pair.indexOf("=");
    if (at > 0 && SESSION_COOKIE.test(pair.slice(0, at).trim())) values.push(pair.slice(at + 1).trim());
  }
  return values.length > 0 ? values.join(";") : null;
}

type SessionAuth = Parameters<typeof getActor>[0];

/** The signed-in person behind the request's session cookie, or null; see the note above. */
export async function cachedActor(
  auth: SessionAuth,
  headers: Headers,
  now = Date.now(),
): Promise<Actor | null> {
  const key = sessionKey(headers);
  if (key === null) return getActor(auth, headers);
  const cache = entries();
  const hit = cache.get(key);
  if (hit && hit.until > now) return hit.actor;
  if (hit) cache.delete(key);
  const session = await getActorSession(auth, headers);
  if (!session) return null;
  const { actor, token, expiresAt } = session;
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  cache.set(key, { actor, token, until: Math.min(now + SESSION_CACHE_MS, expiresAt.getTime()) });
  return actor;
}

/** Forgets a session (signed out, revoked, expired and removed). */
export function forgetSession(token: string): void {
  const cache = entries();
  for (const [key, entry] of cache) if (entry.token === token) cache.delete(key);
}

/** Forgets every session (tests). */
export function clearSessionCache(): void {
  entries().clear();
}

type Plugin = NonNullable<AuthOptions["plugins"]>[number];

/** A better-auth plugin that forgets a session in this cache when its row is deleted. */
export function sessionCachePlugin(): Plugin {
  return {
    id: "interleave-session-cache",
    init: () => ({
      options: {
        databaseHooks: {
          session: {
            delete: {
              after: async (session: { token: string }) => forgetSession(session.token),
            },
          },
        },
      },
    }),
  };
}
