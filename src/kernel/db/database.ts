import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SQLite from "better-sqlite3";
import { type Compilable, type CompiledQuery, Kysely, PostgresDialect, SqliteDialect, sql } from "kysely";
import pg from "pg";

/**
 * One Kysely query layer over two engines: the embedded SQLite file (WAL) that a newcomer gets,
 * and PostgreSQL for scale-out. Modules write one set of queries; the few places where the
 * engines differ (autoincrement columns, advisory locks) ask `database.dialect`.
 *
 * Tables are declared by the module that owns them; the kernel hands out an untyped handle and
 * each repository narrows it with `typed<MyTables>(db)` (modules never import each other).
 */
// biome-ignore lint/suspicious/noExplicitAny: narrowed per module with typed<T>()
export type AnyDb = Kysely<any>;
export type Dialect = "sqlite" | "postgres";

export interface Database {
  db: AnyDb;
  dialect: Dialect;
  url: string;
  close(): Promise<void>;
}

export const typed = <T>(db: AnyDb): Kysely<T> => db as Kysely<T>;

// PostgreSQL returns int8 (bigint, count(*)) as strings; our integers (fen, sequence numbers)
// stay within 2^53, so numbers are safe and keep both engines returning the same types.
pg.types.setTypeParser(20, (value) => {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`integer ${value} exceeds 2^53`);
  return n;
});

/** `onConnectionError` hears about PostgreSQL connections that die (restart, failover, kill). */
export function openDatabase(
  url: string,
  onConnectionError: (error: Error) => void = () => undefined,
): Database {
  if (url.startsWith("postgres://") || url.startsWith("postgresql://"))
    return openPostgres(url, onConnectionError);
  if (url.startsWith("sqlite:")) return openSqlite(url);
  throw new Error(`unsupported database url ${url}`);
}

function openSqlite(url: string): Database {
  const file = url.slice("sqlite:".length);
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const connection = new SQLite(file);
  connection.pragma("journal_mode = WAL");
  connection.pragma("synchronous = NORMAL");
  connection.pragma("foreign_keys = ON");
  connection.pragma("busy_timeout = 5000");
  // 64 MiB page cache (default 2 MiB): the evidence log's indexes grow with random keys, and a cache
  // that holds their upper levels keeps appends from turning into page reads.
  connection.pragma("cache_size = -65536");
  // Checkpoint the WAL every ~64 MiB instead of every 4 MiB: fewer copies of hot pages under
  // sustained appends (the evidence log), at the cost of a larger -wal file.
  connection.pragma("wal_autocheckpoint = 16384");
  const db = new Kysely({ dialect: new SqliteDialect({ database: withStatementCache(connection) }) });
  return { db, dialect: "sqlite", url, close: () => db.destroy() };
}

/**
 * Kysely prepares every query anew; preparing costs more than running a typical indexed lookup.
 * Statements are reusable and Kysely runs one query at a time on the single connection, so a
 * bounded cache keyed by SQL text is safe and makes hot queries (authentication, proofs) cheap.
 */
function withStatementCache(connection: SQLite.Database, limit = 500) {
  const statements = new Map<string, SQLite.Statement>();
  return {
    prepare(text: string) {
      let statement = statements.get(text);
      if (!statement) {
        statement = connection.prepare(text);
        if (statements.size >= limit) statements.delete(statements.keys().next().value as string);
        statements.set(text, statement);
      }
      return statement;
    },
    close: () => connection.close(),
  };
}

function openPostgres(url: string, onConnectionError: (error: Error) => void): Database {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // A connection the server drops emits 'error'; unheard, that event would end the process.
  // Idle connections report through the pool, checked-out ones through their client; the query
  // that was using a dead connection fails on its own and its caller decides what to do.
  pool.on("error", onConnectionError);
  pool.on("connect", (client) => client.on("error", onConnectionError));
  const db = new Kysely({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: "postgres", url, close: () => db.destroy() };
}

/** Round-trips a trivial query: used by /readyz. */
export async function ping(db: AnyDb): Promise<void> {
  await sql`select 1`.execute(db);
}

/**
 * For queries on the hot path (every authenticated request): builds and compiles the query once
 * per database handle, then runs the compiled SQL with fresh parameters. `build` receives
 * placeholder values; their positions are the parameters' positions. Saves Kysely's per-call
 * building and compiling, which costs more than the indexed lookup itself.
 */
export function compiledOnce<P extends unknown[], R>(
  build: (db: AnyDb, ...placeholders: P) => Compilable<R>,
  placeholders: P,
) {
  const cache = new WeakMap<AnyDb, CompiledQuery<R>>();
  return async (db: AnyDb, ...parameters: P): Promise<R[]> => {
    let compiled = cache.get(db);
    if (!compiled) {
      compiled = build(db, ...placeholders).compile();
      if (compiled.parameters.length !== parameters.length)
        throw new Error("compiledOnce: parameter count mismatch");
      cache.set(db, compiled);
    }
    const result = await db.executeQuery<R>({ ...compiled, parameters });
    return result.rows;
  };
}
