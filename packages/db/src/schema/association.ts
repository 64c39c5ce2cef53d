// Association-wide settings, library locations, per-instance secrets and the audit log.
import { sql } from "drizzle-orm";
import {
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
} from "drizzle-orm/pg-core";

/** Exactly one row (id = 1): created on first start. */
export const associationSettings = pgTable(
  "association_settings",
  {
    id: integer().primaryKey().default(1),
    name: text().notNull(),
    timezone: text().notNull(),
    defaultLocale: text().notNull().default("en"),
    contactEmail: text(),
    /** Tunable defaults of the domain rules (grace days, cutoffs, ...), validated by the domain schemas. */
    rules: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("association_settings_singleton", sql`${t.id} = 1`)],
);

/**
 * Secrets generated on first start when the environment gives none (auth secret, card
 * signing key). In the database, so every API instance on one PostgreSQL signs alike.
 */
export const instanceSecret = pgTable("instance_secret", {
  name: text().primaryKey(),
  value: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** A library site: activities happen at one, kiosks are bound to one, shelves stand in one. */
export const location = pgTable("location", {
  id: text().primaryKey(),
  name: text().notNull(),
  address: text(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Every organizer/admin action, append-only. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorId: text(),
    actorKind: text().notNull(),
    action: text().notNull(),
    targetType: text(),
    targetId: text(),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    ip: text(),
  },
  (t) => [index().on(t.at), index().on(t.actorId), index().on(t.targetType, t.targetId)],
);
