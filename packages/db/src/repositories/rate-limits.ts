// Fixed-window request counters in the database, shared by every API instance (the table is
// better-auth's rate_limit; our keys start with "readers:" so the two never meet).
import { sql } from "drizzle-orm";
import { type Database, queryRows, type Tx } from "../client.ts";

/**
 * Counts one request for `key` in the window that started at its first request; returns
 * whether it is within `max`, and when the window ends. One atomic upsert: safe under
 * concurrency and across instances.
 */
export async function hitRateLimit(
  db: Database | Tx,
  key: string,
  now: Date,
  windowMs: number,
  max: number,
): Promise<{ allowed: boolean; retryAfterMs: number }> {
  const id = `readers:${key}`;
  const t = now.getTime();
  const [row] = await queryRows<{ count: number; last_request: string | number }>(
    db,
    sql`insert into rate_limit (id, key, count, last_request) values (${id}, ${id}, 1, ${t})
      on conflict (key) do update set
        count = case when excluded.last_request - rate_limit.last_request >= ${windowMs} then 1 else rate_limit.count + 1 end,
        last_request = case when excluded.last_request - rate_limit.last_request >= ${windowMs} then excluded.last_request else rate_limit.last_request end
      returning count, last_request`,
  );
  const started = Number(row!.last_request);
  return { allowed: row!.count <= max, retryAfterMs: Math.max(0, started + windowMs - t) };
}

/**
 * Takes one request back from `key`'s window: for limits that count only failures, an
 * attempt is counted before it runs (so concurrent attempts cannot all pass a peek) and
 * taken back when it turns out fine.
 */
export async function takeBackRateLimit(db: Database | Tx, key: string): Promise<void> {
  const id = `readers:${key}`;
  await db.execute(sql`update rate_limit set count = greatest(count - 1, 0) where key = ${id}`);
}
