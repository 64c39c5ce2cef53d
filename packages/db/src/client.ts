// Opens the database: embedded PGlite in a data directory by default, PostgreSQL when a
// connection URL is given. Applies the committed migrations before anything else runs.
import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { SQL } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { type DataDirLock, lockDataDir } from "./data-dir-lock.ts";
import * as schema from "./schema/index.ts";

export type Schema = typeof schema;
/** The drizzle database, whichever driver is underneath. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle: the same query API as Database. */
export type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** Whether `db` is a transaction (one connection) rather than the database (a pool). */
export function isTransaction(db: Database | Tx): db is Tx {
  return "rollback" in db;
}

/**
 * Independent reads: at once on the database's pool, one after another in a transaction —
 * a transaction is one connection, which takes one query at a time (node-postgres queues a
 * second one now and will refuse it from pg 9).
 */
export async function readTogether<T extends unknown[]>(
  db: Database | Tx,
  ...reads: { [K in keyof T]: () => Promise<T[K]> }
): Promise<T> {
  if (!isTransaction(db)) return (await Promise.all(reads.map((read) => read()))) as T;
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as T;
}
export type Driver = "pglite" | "postgres";

export const migrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), "../drizzle");

export interface DbHandle {
  db: Database;
  driver: Driver;
  /** The PostgreSQL server version string, for /health. */
  serverVersion(): Promise<string>;
  /** Closes connections (and releases the data-dir lock). Safe to call twice. */
  close(): Promise<void>;
  /** The PostgreSQL pool, when the driver is postgres (LISTEN/NOTIFY needs a raw client). */
  pool?: pg.Pool;
  /** The PGlite instance, when the driver is pglite. */
  pglite?: PGlite;
}

export type DbOptions =
  | { databaseUrl: string; poolSize?: number; migrate?: boolean }
  | { dataDir: string; migrate?: boolean }
  | { memory: true; migrate?: boolean };

export async function createDb(options: DbOptions): Promise<DbHandle> {
  const handle = "databaseUrl" in options ? await openPostgres(options) : await openPglite(options);
  if (options.migrate !== false) {
    try {
      await runMigrations(handle);
    } catch (error) {
      await handle.close();
      throw error;
    }
  }
  return handle;
}

export async function runMigrations(handle: DbHandle): Promise<void> {
  if (handle.driver === "postgres") {
    // Several API instances may start at once against one PostgreSQL; drizzle's migrator does
    // not serialise them, so a session advisory lock does (released right after).
    const client = await handle.pool!.connect();
    try {
      await client.query("SELECT pg_advisory_lock(7245110001)");
      await migratePg(drizzlePg(client, { casing: "snake_case" }), { migrationsFolder });
    } finally {
      await client.query("SELECT pg_advisory_unlock(7245110001)").catch(() => {});
      client.release();
    }
  } else {
    await migratePglite(handle.db as never, { migrationsFolder });
  }
}

async function openPostgres(options: {
  databaseUrl: string;
  poolSize?: number;
}): Promise<DbHandle> {
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
  // A dropped idle connection must not crash the process; the pool replaces it.
  pool.on("error", () => {});
  const db = drizzlePg(pool, { schema, casing: "snake_case" }) as unknown as Database;
  let closed = false;
  return {
    db,
    driver: "postgres",
    pool,
    serverVersion: async () =>
      (await pool.query<{ v: string }>("select current_setting('server_version') as v")).rows[0]!.v,
    close: async () => {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

/** Extensions the migrations create: pg_trgm for book search (PostgreSQL ships it as contrib). */
const extensions = { pg_trgm };

async function openPglite(options: { dataDir: string } | { memory: true }): Promise<DbHandle> {
  let lock: DataDirLock | undefined;
  let client: PGlite;
  if ("dataDir" in options) {
    const dir = resolve(options.dataDir);
    mkdirSync(dir, { recursive: true });
    // Lock before PGlite touches a single file.
    lock = await lockDataDir(dir);
    try {
      client = await PGlite.create(join(dir, "pglite"), { extensions });
    } catch (error) {
      await lock.release();
      throw error;
    }
  } else {
    client = await PGlite.create({ extensions });
  }
  const db = drizzlePglite(client, { schema, casing: "snake_case" }) as unknown as Database;
  let closed = false;
  return {
    db,
    driver: "pglite",
    pglite: client,
    serverVersion: async () =>
      (await client.query<{ v: string }>("select current_setting('server_version') as v")).rows[0]!
        .v,
    close: async () => {
      if (closed) return;
      closed = true;
      try {
        await client.close();
      } finally {
        await lock?.release();
      }
    },
  };
}

/** Runs raw SQL and returns its rows; both drivers answer `{ rows }`. */
export async function queryRows<T>(db: Database | Tx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
