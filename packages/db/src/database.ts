// Opening a database: SQLite (better-sqlite3 driver adapter) for `file:` URLs, PostgreSQL
// (pg driver adapter) for `postgres:`/`postgresql:` URLs. Both use a Prisma client generated
// from twin schemas with identical models (prisma/schema.prisma, prisma/postgres/schema.prisma);
// the data layer is written once against the SQLite client's types.
//
// The Prisma client never leaves this package: callers hold a `Database` handle and pass it to
// the data-access functions, which turn rows into domain types.
import { existsSync, mkdirSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { InvalidError } from "./errors";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { SharedAdapterFactory } from "./sql";

/** The Prisma client type the data layer is written against (same models on both databases). */
export type Prisma = SqliteClient;

export type Provider = "sqlite" | "postgresql";

/** An open database. Pass it to the data-access functions; close it when done. */
export interface Database {
  readonly provider: Provider;
  /** The URL it was opened with, password removed. */
  readonly url: string;
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

interface Handle {
  client: Prisma;
  adapter: SharedAdapterFactory;
}

// Handles live in one registry per process, on globalThis under a registered symbol, not in a
// module-level WeakMap: a bundler may include this package several times (Next.js puts a copy in
// instrumentation, in route handlers and in pages), and a handle opened by one copy must work
// with every copy's functions. A WeakMap keyed by the handle keeps it collectable.
const HANDLES = Symbol.for("@interleave/db/handles");

function handles(): WeakMap<Database, Handle> {
  const holder = globalThis as { [HANDLES]?: WeakMap<Database, Handle> };
  holder[HANDLES] ??= new WeakMap();
  return holder[HANDLES];
}

/** The Prisma client behind a handle. Package-internal: never re-exported from index.ts. */
export function prismaOf(db: Database): Prisma {
  return handleOf(db).client;
}

/** The driver adapter shared with Prisma, for the hand-written hot paths (sql.ts). Internal. */
export function adapterOf(db: Database): SharedAdapterFactory {
  return handleOf(db).adapter;
}

function handleOf(db: Database): Handle {
  const handle = handles().get(db);
  if (!handle) throw new InvalidError("This database handle is closed or was not made by openDatabase.");
  return handle;
}

/** Which database a URL names. */
export function providerOf(url: string): Provider {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  throw new InvalidError(`Unsupported database URL (use file:... or postgresql://...): ${redact(url)}`);
}

/** The SQLite file a `file:` URL names, as an absolute path (relative to the working directory). */
export function sqlitePath(url: string): string {
  const path = decodeURIComponent(
    url
      .slice("file:".length)
      .replace(/^\/\/(?=\/)/, "")
      .split("?")[0]!,
  );
  return isAbsolute(path) ? path : resolve(path);
}

/** The default database: `<repo>/data/interleave.db`, the repo found by walking up to turbo.json. */
export function defaultDatabaseUrl(from = process.cwd()): string {
  // turbopackIgnore: a runtime lookup, not a file the server bundle should trace and ship.
  const start = resolve(/*turbopackIgnore: true*/ from);
  let dir = start;
  while (!existsSync(join(/*turbopackIgnore: true*/ dir, "turbo.json")) && dirname(dir) !== dir)
    dir = dirname(dir);
  if (!existsSync(join(/*turbopackIgnore: true*/ dir, "turbo.json"))) dir = start;
  return `file:${join(/*turbopackIgnore: true*/ dir, "data", "interleave.db")}`;
}

/** The URL with its password replaced by `***`, for logs and messages. */
export function redact(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, "$1***@");
}

export interface OpenOptions {
  url: string;
  /** SQLite: how long a writer waits for another process's lock (default 5000 ms). */
  busyTimeoutMs?: number;
  /** PostgreSQL: connection pool size (default 10). */
  poolSize?: number;
}

/**
 * Opens a database by URL (does not migrate it: call `migrate(url)` first, once per process).
 * SQLite files get WAL mode, synchronous=NORMAL and a busy timeout; foreign keys are enforced.
 * @example await using db = await openDatabase({ url: defaultDatabaseUrl() });
 */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  const provider = providerOf(options.url);
  let client: Prisma;
  let adapter: SharedAdapterFactory;
  if (provider === "sqlite") {
    const path = sqlitePath(options.url);
    mkdirSync(dirname(path), { recursive: true });
    adapter = new SharedAdapterFactory(
      new PrismaBetterSQLite3({ url: path, timeout: options.busyTimeoutMs ?? 5000 }),
    );
    client = new SqliteClient({ adapter });
    // journal_mode=WAL persists in the file; the others are per connection (the adapter has one).
    await client.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    await client.$executeRawUnsafe("PRAGMA synchronous = NORMAL");
    await client.$executeRawUnsafe("PRAGMA foreign_keys = ON");
  } else {
    adapter = new SharedAdapterFactory(
      new PrismaPg({ connectionString: options.url, max: options.poolSize ?? 10 }),
    );
    client = new PostgresClient({ adapter }) as unknown as Prisma;
    await client.$connect();
  }
  let closed = false;
  const db: Database = {
    provider,
    url: redact(options.url),
    async close() {
      if (closed) return;
      closed = true;
      handles().delete(db);
      await client.$disconnect();
    },
    [Symbol.asyncDispose]() {
      return db.close();
    },
  };
  handles().set(db, { client, adapter });
  return db;
}
