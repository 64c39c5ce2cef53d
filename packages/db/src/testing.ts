// Test helpers shared by every package's database suites: one database per test file on
// each driver (PGlite in memory always; a fresh PostgreSQL database when a URL is given),
// and a fast reset between tests.
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import pg from "pg";
import { createDb, type DbHandle, type Driver, queryRows } from "./client.ts";

export interface TestDatabase extends DbHandle {
  /** Empties every table (keeps the schema and migrations). */
  reset(): Promise<void>;
  /** The connection URL of the fresh PostgreSQL database (postgres driver only). */
  url?: string;
}

export interface TestDriver {
  name: Driver;
  open(): Promise<TestDatabase>;
}

/**
 * The drivers a database suite runs on: PGlite always, PostgreSQL as well when
 * `databaseUrl` is set (CI sets DATABASE_URL; vitest configs pass it in via `provide`).
 */
export function testDrivers(databaseUrl: string | null | undefined): TestDriver[] {
  const drivers: TestDriver[] = [
    { name: "pglite", open: () => withReset(createDb({ memory: true })) },
  ];
  if (databaseUrl) drivers.push({ name: "postgres", open: () => openFreshPostgres(databaseUrl) });
  return drivers;
}

async function withReset(opening: Promise<DbHandle>): Promise<TestDatabase> {
  const handle = await opening;
  return Object.assign(handle, { reset: () => truncateAll(handle) });
}

async function truncateAll(handle: DbHandle): Promise<void> {
  const tables = await queryRows<{ tablename: string }>(
    handle.db,
    sql`select tablename from pg_tables where schemaname = 'public'`,
  );
  const names = tables.map((r) => `"public"."${r.tablename}"`);
  if (names.length)
    await handle.db.execute(sql.raw(`TRUNCATE ${names.join(", ")} RESTART IDENTITY CASCADE`));
}

/** Creates `<db>_t_<random>` next to the database in `url`, migrates it, drops it on close. */
export async function openFreshPostgres(url: string, poolSize = 10): Promise<TestDatabase> {
  const name = `readers_t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  const handle = await createDb({ databaseUrl: target.toString(), poolSize });
  const close = handle.close;
  return Object.assign(handle, {
    url: target.toString(),
    reset: () => truncateAll(handle),
    close: async () => {
      await close();
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      try {
        await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await dropper.end();
      }
    },
  });
}
