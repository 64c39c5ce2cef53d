// The notification outbox (written in the same transaction as the change that causes it)
// and the in-app notifications the worker delivers from it.
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { user } from "./auth.ts";

export type OutboxChannel = "email" | "in_app";
/** pending → sending (claimed, lease running) → sent; or back to pending with backoff; dead after the last attempt. */
export type OutboxStatus = "pending" | "sending" | "sent" | "dead";

export const outbox = pgTable(
  "outbox",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Event kind, e.g. "password_reset", "registration_confirmed". */
    kind: text().notNull(),
    channel: text().$type<OutboxChannel>().notNull(),
    userId: text().references(() => user.id, { onDelete: "set null" }),
    /** For e-mail: the address at the time of the event (guests have no user row). */
    toEmail: text(),
    locale: text().notNull().default("en"),
    /** Parameters for the message template of `kind`. */
    payload: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    /**
     * Optional idempotency key: a job that may run on several instances (daily reminders)
     * inserts with ON CONFLICT DO NOTHING, so each reminder exists once.
     */
    dedupeKey: text(),
    status: text().$type<OutboxStatus>().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** While `sending`: a worker holds the row until then; after it, the row is claimable again. */
    leaseUntil: timestamp({ withTimezone: true }),
    lastError: text(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("outbox_dedupe_key").on(t.dedupeKey),
    // The worker's claim query: pending rows due now, oldest first.
    index("outbox_due").on(t.nextAttemptAt).where(sql`${t.status} in ('pending', 'sending')`),
  ],
);

export const notification = pgTable(
  "notification",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    userId: text()
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    /** The outbox row it was delivered from: unique, so a retried delivery never shows twice. */
    outboxId: bigint({ mode: "number" }).notNull(),
    kind: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex().on(t.outboxId), index().on(t.userId, t.createdAt)],
);
