// Members, membership tiers, memberships (facts only: status is computed by the domain),
// recorded payments and each member's history.
import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { user } from "./auth.ts";

/** Member numbers are issued from this sequence (Luhn digit added by the domain). */
export const memberNumberSeq = pgSequence("member_number_seq", { startWith: 1 });

export type TierTerm =
  | { kind: "rolling"; months: number }
  | { kind: "fixed"; endMonth: number; endDay: number };

export const membershipTier = pgTable(
  "membership_tier",
  {
    id: text().primaryKey(),
    name: text().notNull(),
    term: jsonb().$type<TierTerm>().notNull(),
    feeCents: integer().notNull(),
    graceDays: integer().notNull(),
    loanLimit: integer().notNull(),
    loanDays: integer().notNull(),
    maxRenewals: integer().notNull(),
    holdLimit: integer().notNull(),
    requiresApproval: boolean().notNull(),
    /** Archived tiers take no new applications; existing memberships keep them. */
    archivedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("membership_tier_name").on(sql`lower(${t.name})`)],
);

export const member = pgTable(
  "member",
  {
    id: text().primaryKey(),
    /** The sign-in account; null for imported members who never signed up, and after deletion. */
    userId: text()
      .unique()
      .references(() => user.id, { onDelete: "set null" }),
    memberNumber: text().notNull().unique(),
    firstName: text().notNull(),
    lastName: text().notNull(),
    /** Lower-cased; null once the member's personal data is erased. */
    email: text(),
    phone: text(),
    directoryConsent: boolean().notNull().default(false),
    /** Bumped when a card is reported lost: older QR codes are refused. */
    cardVersion: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Set when the account was deleted: the row stays only so counts stay right. */
    erasedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("member_email").on(t.email),
    index("member_name").on(t.lastName, t.firstName),
  ],
);

export const membership = pgTable(
  "membership",
  {
    id: text().primaryKey(),
    memberId: text()
      .notNull()
      .references(() => member.id),
    tierId: text()
      .notNull()
      .references(() => membershipTier.id),
    appliedAt: timestamp({ withTimezone: true }).notNull(),
    approvedAt: timestamp({ withTimezone: true }),
    paidAt: timestamp({ withTimezone: true }),
    startDate: date({ mode: "string" }),
    endDate: date({ mode: "string" }),
    suspendedAt: timestamp({ withTimezone: true }),
    suspensionReason: text(),
    cancelledAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One current (not cancelled) membership per member: applying twice at once fails here.
    uniqueIndex("membership_current").on(t.memberId).where(sql`${t.cancelledAt} is null`),
    index("membership_end_date").on(t.endDate),
    // A member's memberships, latest first: the "current membership" subquery of every
    // registration and kiosk check-in reads it (the partial unique index above cannot serve a
    // lookup that also considers cancelled memberships).
    index("membership_by_member").on(t.memberId, t.appliedAt),
    index("membership_by_tier").on(t.tierId),
  ],
);

export const membershipPayment = pgTable(
  "membership_payment",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    membershipId: text()
      .notNull()
      .references(() => membership.id),
    amountCents: integer().notNull(),
    method: text().notNull(),
    reference: text().notNull().default(""),
    paidAt: timestamp({ withTimezone: true }).notNull(),
    recordedBy: text().references(() => user.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.membershipId)],
);

/** What happened to a member, shown on their detail page (organizer actions also go to the audit log). */
export const memberEvent = pgTable(
  "member_event",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    memberId: text()
      .notNull()
      .references(() => member.id),
    membershipId: text(),
    kind: text().notNull(),
    at: timestamp({ withTimezone: true }).notNull(),
    actorId: text().references(() => user.id, { onDelete: "set null" }),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index().on(t.memberId, t.at)],
);
