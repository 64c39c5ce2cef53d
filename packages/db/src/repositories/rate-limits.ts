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
 * Whether `key` has used up `max` in its current window, without counting a request: for
 * limits that count only failures (peek first, then `hitRateLimit` when an attempt fails).
 */
export async function rateLimitReached(
  db: Database | Tx,
  key: string,
  now: Date,
  windowMs: number,
  max: number,
): Promise<{ reached: boolean; retryAfterMs: number }> {
  const id = `readers:${key}`;
  const [row] = await queryRows<{ count: number; last_request: string | number }>(
    db,
    sql`select count, last_request from rate_limit where key = ${id}`,
  );
  if (!row) return { reached: false, retryAfterMs: 0 };
  const ends = Number(row.last_request) + windowMs;
  const reached = ends > now.getTime() && row.count >= max;
  return { reached, retryAfterMs: reached ? ends - now.getTime() : 0 };
}
