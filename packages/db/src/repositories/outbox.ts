// The notification outbox: enqueue inside the causing transaction; workers claim due rows
// with FOR UPDATE SKIP LOCKED under a short lease, deliver outside any transaction, then
// record the outcome. Two workers never hold the same row; a crashed worker's lease runs out.
import { and, eq, inArray, lte, or, sql } from "drizzle-orm";
import type { Database, Tx } from "../client.ts";
import { notification, outbox } from "../schema/index.ts";

export type OutboxRow = typeof outbox.$inferSelect;
export type NewOutboxMessage = Pick<
  typeof outbox.$inferInsert,
  "kind" | "channel" | "userId" | "toEmail" | "locale" | "payload" | "dedupeKey" | "nextAttemptAt"
>;

/** Adds messages; a message whose dedupeKey exists already is dropped (jobs on several instances). */
export async function enqueueOutbox(
  tx: Database | Tx,
  messages: NewOutboxMessage | NewOutboxMessage[],
): Promise<number> {
  const list = Array.isArray(messages) ? messages : [messages];
  if (list.length === 0) return 0;
  const rows = await tx
    .insert(outbox)
    .values(list)
    .onConflictDoNothing()
    .returning({ id: outbox.id });
  return rows.length;
}

/** Claims up to `limit` due rows for `leaseMs`; returns them with `attempts` already counted. */
export async function claimOutbox(
  db: Database,
  options: { now: Date; limit: number; leaseMs: number },
): Promise<OutboxRow[]> {
  const leaseUntil = new Date(options.now.getTime() + options.leaseMs);
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: outbox.id })
      .from(outbox)
      .where(
        or(
          and(eq(outbox.status, "pending"), lte(outbox.nextAttemptAt, options.now)),
          and(eq(outbox.status, "sending"), lte(outbox.leaseUntil, options.now)),
        ),
      )
      .orderBy(outbox.nextAttemptAt, outbox.id)
      .limit(options.limit)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(outbox)
      .set({ status: "sending", leaseUntil, attempts: sql`${outbox.attempts} + 1` })
      .where(
        inArray(
          outbox.id,
          due.map((r) => r.id),
        ),
      )
      .returning();
  });
}

/**
 * The claim a worker holds: the row's id and the attempt number it claimed. Every outcome
 * is written only while that claim still stands (status 'sending', same attempt), so a
 * worker whose lease ran out cannot overwrite what a newer claimer did.
 */
export type OutboxClaim = Pick<OutboxRow, "id" | "attempts">;

function held(claim: OutboxClaim) {
  return and(
    eq(outbox.id, claim.id),
    eq(outbox.status, "sending"),
    eq(outbox.attempts, claim.attempts),
  );
}

/** Marks a delivery done; false when the claim was lost (another worker owns the row now). */
export async function markOutboxSent(
  db: Database | Tx,
  claim: OutboxClaim,
  now: Date,
): Promise<boolean> {
  return (await markOutboxSentBatch(db, [claim], now)).length > 0;
}

/**
 * Marks several deliveries done in one statement; returns the ids marked. A claim that was
 * lost (another worker owns the row now) is left alone and missing from the answer.
 */
export async function markOutboxSentBatch(
  db: Database | Tx,
  claims: OutboxClaim[],
  now: Date,
): Promise<number[]> {
  if (claims.length === 0) return [];
  const rows = await db
    .update(outbox)
    .set({ status: "sent", sentAt: now, leaseUntil: null, lastError: null })
    .where(or(...claims.map((claim) => held(claim))))
    .returning({ id: outbox.id });
  return rows.map((row) => row.id);
}

/** Reschedules a failed delivery, or gives up (`retryAt` null → dead). */
export async function markOutboxFailed(
  db: Database | Tx,
  claim: OutboxClaim,
  error: string,
  retryAt: Date | null,
): Promise<boolean> {
  const rows = await db
    .update(outbox)
    .set(
      retryAt
        ? {
            status: "pending",
            nextAttemptAt: retryAt,
            leaseUntil: null,
            lastError: error.slice(0, 2000),
          }
        : { status: "dead", leaseUntil: null, lastError: error.slice(0, 2000) },
    )
    .where(held(claim))
    .returning({ id: outbox.id });
  return rows.length > 0;
}

/** Gives claimed but unattempted rows back (shutdown), as if never claimed. */
export async function releaseOutbox(db: Database | Tx, claims: OutboxClaim[]): Promise<void> {
  for (const claim of claims) {
    await db
      .update(outbox)
      .set({ status: "pending", leaseUntil: null, attempts: sql`${outbox.attempts} - 1` })
      .where(held(claim));
  }
}

/** In-app delivery: the notification and the sent mark commit together, at most once per row. */
export async function deliverOutboxInApp(db: Database, row: OutboxRow, now: Date): Promise<void> {
  await deliverOutboxInAppBatch(db, [row], now);
}

export async function getOutboxRow(db: Database, id: number): Promise<OutboxRow | null> {
  const rows = await db.select().from(outbox).where(eq(outbox.id, id));
  return rows[0] ?? null;
}

/**
 * In-app delivery of several claimed rows in one transaction: their notifications in one
 * insert, their sent marks in one update (only rows still held under the same claim). A
 * burst of registrations queues hundreds of these; one round trip per row would compete
 * with the requests themselves. Returns the ids marked sent.
 */
export async function deliverOutboxInAppBatch(
  db: Database,
  rows: OutboxRow[],
  now: Date,
): Promise<number[]> {
  if (rows.length === 0) return [];
  return db.transaction(async (tx) => {
    // Only rows still held under our claim are marked (and so notified) — a worker whose
    // lease ran out loses them to the newer claimer, as markOutboxSent does one by one.
    const ids = new Set(await markOutboxSentBatch(tx, rows, now));
    const notifications = rows.filter((r) => ids.has(r.id) && r.userId);
    if (notifications.length > 0) {
      await tx
        .insert(notification)
        .values(
          notifications.map((r) => ({
            userId: r.userId!,
            outboxId: r.id,
            kind: r.kind,
            payload: r.payload,
            createdAt: now,
          })),
        )
        .onConflictDoNothing();
    }
    return [...ids];
  });
}
