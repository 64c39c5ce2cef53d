// Activities, their series, registrations (members' and guests' parties, walk-ins) and the
// secret tokens of personal calendar feeds. Facts only: phase, seats left, no-shows and
// waitlist positions are computed by the domain from these rows.
import type {
  ActivityKind,
  ActivityStatus,
  Audience,
  RegistrationMode,
  RegistrationStatus,
} from "@readers/domain";
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { location } from "./association.ts";
import { user } from "./auth.ts";
import { member } from "./members.ts";

const instant = () => timestamp({ withTimezone: true });

export const activitySeries = pgTable("activity_series", {
  id: text().primaryKey(),
  title: text().notNull(),
  summary: text().notNull().default(""),
  kind: text().$type<ActivityKind>().notNull(),
  /** Share of sessions (not cancelled) to attend to complete the series. */
  completionPercent: integer().notNull(),
  createdBy: text().references(() => user.id, { onDelete: "set null" }),
  createdAt: instant().notNull().defaultNow(),
  updatedAt: instant().notNull().defaultNow(),
});

export const activity = pgTable(
  "activity",
  {
    id: text().primaryKey(),
    seriesId: text().references(() => activitySeries.id),
    kind: text().$type<ActivityKind>().notNull(),
    title: text().notNull(),
    summary: text().notNull().default(""),
    /** Markdown as written; sanitised HTML is rendered when it is shown. */
    description: text().notNull().default(""),
    startsAt: instant().notNull(),
    endsAt: instant().notNull(),
    locationId: text()
      .notNull()
      .references(() => location.id),
    /** Seats; null = unlimited. */
    capacity: integer(),
    audience: text().$type<Audience>().notNull(),
    /** The domain's `registration`: required | optional | none. */
    registrationMode: text().$type<RegistrationMode>().notNull(),
    opensAt: instant(),
    closesAt: instant(),
    maxPartySize: integer().notNull(),
    cancellationCutoffMinutes: integer().notNull(),
    checkInOpensMinutesBefore: integer().notNull(),
    noShowAfterMinutes: integer().notNull(),
    waitlistEnabled: boolean().notNull(),
    featuredBookIds: text().array().notNull().default(sql`'{}'::text[]`),
    partnerIds: text().array().notNull().default(sql`'{}'::text[]`),
    /** Free-text titles until book sharing lands. */
    featuredBooks: text().array().notNull().default(sql`'{}'::text[]`),
    /** Free-text partner names until partners land. */
    partnerNames: text().array().notNull().default(sql`'{}'::text[]`),
    /** draft → published → cancelled; "ended" is derived from time. */
    status: text().$type<ActivityStatus>().notNull().default("draft"),
    /** Set once published: a cancelled activity that was public stays visible as cancelled. */
    publishedAt: instant(),
    cancelledAt: instant(),
    cancellationReason: text(),
    createdBy: text().references(() => user.id, { onDelete: "set null" }),
    createdAt: instant().notNull().defaultNow(),
    updatedAt: instant().notNull().defaultNow(),
  },
  (t) => [
    index("activity_starts_at").on(t.startsAt),
    index("activity_location_starts_at").on(t.locationId, t.startsAt),
    index("activity_kind_starts_at").on(t.kind, t.startsAt),
    index("activity_by_series").on(t.seriesId, t.startsAt),
    // Organizer views of drafts and reminders over published activities.
    index("activity_status_starts_at").on(t.status, t.startsAt),
    check("activity_capacity_positive", sql`${t.capacity} is null or ${t.capacity} > 0`),
    check("activity_ends_after_start", sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

export const registration = pgTable(
  "registration",
  {
    id: text().primaryKey(),
    activityId: text()
      .notNull()
      .references(() => activity.id),
    /** A member's registration; null for guests and walk-in guests. */
    memberId: text().references(() => member.id),
    guestName: text(),
    /** Lower-cased; the guest's only channel. */
    guestEmail: text(),
    partySize: integer().notNull().default(1),
    /** confirmed | waitlisted | cancelled. */
    status: text().$type<RegistrationStatus>().notNull(),
    /** Recorded at the kiosk for someone without a booking (the kiosk area writes these). */
    walkIn: boolean().notNull().default(false),
    /** Cancelled after the cutoff: a strike towards the no-show penalty. */
    lateCancellation: boolean().notNull().default(false),
    /** Waitlist order: first come, first served (ties by id). */
    createdAt: instant().notNull().defaultNow(),
    /** When a waitlisted party was moved up (automatically or by an organizer). */
    promotedAt: instant(),
    cancelledAt: instant(),
    checkedInAt: instant(),
    /** Seats actually checked in (part of a party may not come). */
    checkedInSeats: integer(),
    checkedInBy: text().references(() => user.id, { onDelete: "set null" }),
    /** SHA-256 (hex) of a guest's manage-link token; the token itself is shown once. */
    manageTokenHash: text().unique(),
    updatedAt: instant().notNull().defaultNow(),
  },
  (t) => [
    // One live registration per member and per guest e-mail and activity: a double click or
    // two instances racing end here (ALREADY_REGISTERED).
    uniqueIndex("registration_member_once")
      .on(t.activityId, t.memberId)
      .where(sql`${t.memberId} is not null and ${t.status} <> 'cancelled'`),
    uniqueIndex("registration_guest_once")
      .on(t.activityId, t.guestEmail)
      .where(sql`${t.guestEmail} is not null and ${t.status} <> 'cancelled'`),
    // Seat counts and the waitlist in order, under the activity's lock.
    index("registration_activity_status").on(t.activityId, t.status, t.createdAt),
    index("registration_member").on(t.memberId, t.createdAt),
    check("registration_party_size", sql`${t.partySize} between 1 and 100`),
    check(
      "registration_member_or_guest",
      sql`${t.memberId} is null or (${t.guestEmail} is null and ${t.guestName} is null)`,
    ),
    check(
      "registration_checked_in_seats",
      sql`${t.checkedInSeats} is null or ${t.checkedInSeats} between 1 and ${t.partySize}`,
    ),
  ],
);

/**
 * A person's calendar feed of their bookings. The token in its address is derived from a
 * server key and `nonce` (so the address can be shown again) and stored only as a hash
 * for lookup; regenerating replaces the nonce, and the old address stops working.
 */
export const calendarFeed = pgTable("calendar_feed", {
  userId: text()
    .primaryKey()
    .references(() => user.id, { onDelete: "cascade" }),
  nonce: text().notNull(),
  /** SHA-256 (hex) of the token in the feed's address. */
  tokenHash: text().notNull().unique(),
  createdAt: instant().notNull().defaultNow(),
});
