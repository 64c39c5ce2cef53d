// Shared set-up for the book-sharing suites: recorded ISBN lookups, and shortcuts for
// adding copies and reading the outbox and the loan tables.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Database, queryRows } from "@readers/db";
import { sql } from "drizzle-orm";
import { fixtureLookup } from "../src/books/isbn-lookup.ts";
import type { User } from "./activities-fixtures.ts";
import type { Harness } from "./harness.ts";

/** Open Library `jscmd=data` answers, one file per ISBN: tests never reach the network. */
export const LOOKUP_FIXTURES = join(
  dirname(fileURLToPath(import.meta.url)),
  "fixtures/openlibrary",
);
export const fixtures = () => fixtureLookup(LOOKUP_FIXTURES);

export const GATSBY = "9780743273565";
export const LIVING = "9787506365437"; // 活着, 余华
export const PRIDE = "9780141439518";
/** A valid ISBN no fixture knows. */
export const UNKNOWN_ISBN = "9780306406157";

export const code = (domainCode: string) => ({ cause: { domainCode } });

/** Adds one member copy by ISBN (or typed details) and returns its id. */
export async function addCopy(
  t: Harness,
  who: User,
  input: Record<string, unknown>,
  now?: Date,
): Promise<string> {
  const result = await t.caller(who, now).books.addCopy(input as never);
  return result.copies[0]!.id;
}

/** Counts rows of a table: "nothing changed" checks. */
export async function countRows(db: Database, table: string): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from ${sql.identifier(table)}`,
  );
  return Number(rows[0]!.n);
}

/** A fingerprint of every book-sharing table, to show a refusal changed nothing. */
export async function snapshot(db: Database): Promise<string> {
  const parts: unknown[] = [];
  for (const table of ["book", "book_copy", "loan", "loan_event", "loan_queue", "outbox"]) {
    parts.push(await queryRows(db, sql`select * from ${sql.identifier(table)} order by 1`));
  }
  return JSON.stringify(parts);
}

export async function outboxKinds(
  db: Database,
): Promise<{ kind: string; userId: string | null }[]> {
  const rows = await queryRows<{ kind: string; user_id: string | null }>(
    db,
    sql`select kind, user_id from outbox where channel = 'in_app' order by id`,
  );
  return rows.map((r) => ({ kind: r.kind, userId: r.user_id }));
}
