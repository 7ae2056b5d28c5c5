// One migrated database per URL per process, for servers: the first call migrates and opens,
// later calls (other modules, other requests, Next.js dev reloads) get the same handle. Kept on
// globalThis under a registered symbol, so every copy of this package in the process (Next.js
// bundles one per instrumentation, route handler and page chunk, and reloads them in dev) finds
// the same handle, and the handle works with every copy's functions (see database.ts).
import { type Database, openDatabase } from "./database";
import { migrate } from "./migrate";

const KEY = Symbol.for("@interleave/db/shared");
type Registry = Map<string, Promise<Database>>;

function registry(): Registry {
  const holder = globalThis as { [KEY]?: Registry };
  holder[KEY] ??= new Map();
  return holder[KEY];
}

/**
 * The process's database for `url`, created and migrated on first use.
 * @example const db = await sharedDatabase(env.DATABASE_URL ?? defaultDatabaseUrl());
 */
export function sharedDatabase(url: string): Promise<Database> {
  const map = registry();
  let db = map.get(url);
  if (!db) {
    db = migrate(url).then(() => openDatabase({ url }));
    // A failed start is not cached: the next request tries again.
    db.catch(() => map.delete(url));
    map.set(url, db);
  }
  return db;
}

/** Closes and forgets every shared database (for tests and graceful shutdown). */
export async function closeSharedDatabases(): Promise<void> {
  const map = registry();
  const all = [...map.values()];
  map.clear();
  await Promise.all(all.map(async (db) => (await db.catch(() => null))?.close()));
}
