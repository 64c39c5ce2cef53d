// What kiosk check-in reads: a member with their current membership (by number or id),
// today's activities at a location with their check-in counts, and the names a kiosk's
// name search may match (people registered for the activity, nobody else).

import type { PGlite } from "@electric-sql/pglite";
import type { MembershipFacts, Tier } from "@readers/domain";
import { and, asc, eq, gt, inArray, lt, ne, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import pg from "pg";
import type { Database, Tx } from "../client.ts";
import { LIVE_CHANNEL, type LiveEvent } from "../live.ts";
import { lookupBatcher } from "../lookup-batcher.ts";
import {
  activity,
  kioskRequest,
  member,
  membership,
  membershipTier,
  registration,
} from "../schema/index.ts";
import type { ActivityRow, RegistrationRow } from "./activities.ts";
import {
  currentOf,
  isCurrentMembershipOf,
  type MemberRow,
  type MembershipRow,
  type TierRow,
} from "./members.ts";

type Db = Database | Tx;

/** A member with the membership that decides their status (as `currentMembership` picks it). */
export interface MemberWithMembership {
  member: MemberRow;
  current: { membership: MembershipRow; tier: TierRow } | null;
}

/** A member by number or id, with their current membership and tier, in one query. */
export async function memberWithMembership(
  db: Db,
  by: { memberNumber: string } | { memberId: string },
): Promise<MemberWithMembership | null> {
  const rows = await db
    .select({ member, membership, tier: membershipTier })
    .from(member)
    .leftJoin(membership, isCurrentMembershipOf(member.id))
    .leftJoin(membershipTier, eq(membershipTier.id, membership.tierId))
    .where(
      "memberNumber" in by ? eq(member.memberNumber, by.memberNumber) : eq(member.id, by.memberId),
    );
  const row = rows[0];
  if (!row) return null;
  return {
    member: row.member,
    current: currentOf(row),
  };
}

/**
 * Published or cancelled activities at a location overlapping `[from, to)` (a local day),
 * plus any still running at `from` — what a kiosk's start screen lists. Drafts never show.
 */
export async function activitiesAtLocation(
  db: Db,
  locationId: string,
  from: Date,
  to: Date,
): Promise<ActivityRow[]> {
  return db
    .select()
    .from(activity)
    .where(
      and(
        eq(activity.locationId, locationId),
        lt(activity.startsAt, to),
        gt(activity.endsAt, from),
        or(eq(activity.status, "published"), eq(activity.status, "cancelled")),
      ),
    )
    .orderBy(asc(activity.startsAt), asc(activity.id));
}

/** A live registration's holder as the name search sees them. */
export interface AttendeeName {
  registrationId: string;
  firstName: string | null;
  lastName: string | null;
  guestName: string | null;
  checkedIn: boolean;
}

/** Registrations with their holder's names (member's, or the guest's single field). */
function attendeeNameRows(db: Db) {
  return db
    .select({
      registrationId: registration.id,
      firstName: member.firstName,
      lastName: member.lastName,
      guestName: registration.guestName,
      checkedIn: sql<boolean>`${registration.checkedInAt} is not null`,
    })
    .from(registration)
    .leftJoin(member, eq(member.id, registration.memberId));
}

/** Names of everyone registered (not cancelled) for an activity: the name search's pool. */
export async function attendeeNames(db: Db, activityId: string): Promise<AttendeeName[]> {
  return attendeeNameRows(db).where(
    and(eq(registration.activityId, activityId), ne(registration.status, "cancelled")),
  );
}

/** Display names for registrations (kiosk result screens show "first name + initial"). */
export async function registrationHolderNames(
  db: Db,
  registrationIds: string[],
): Promise<Map<string, AttendeeName>> {
  if (registrationIds.length === 0) return new Map();
  const rows = await attendeeNameRows(db).where(inArray(registration.id, registrationIds));
  return new Map(rows.map((row) => [row.registrationId, row]));
}

// ------------------------------------------------------------------- the fast check-in path

/** The key a kiosk check-in's facts are read by. */
export interface CheckInFactsKey {
  memberNumber: string;
  activityId: string;
  deviceId: string;
  clientId: string;
}

/**
 * The facts of several check-ins in one prepared query: the keys come as parallel arrays,
 * unnested with their index (`k.i`), so each row says whose facts it holds.
 */
function prepareCheckInFacts(db: Database) {
  const r = alias(registration, "r");
  const kr = alias(kioskRequest, "kr");
  const a = alias(activity, "a");
  const k = {
    i: sql<number>`k.i`,
    memberNumber: sql`k.member_number`,
    activityId: sql`k.activity_id`,
    deviceId: sql`k.device_id`,
    clientId: sql`k.client_id`,
  };
  // Only the columns the decision reads: this runs for every arrival at the door.
  return db
    .select({
      key: sql<number>`${k.i}::int`,
      memberId: member.id,
      firstName: member.firstName,
      lastName: member.lastName,
      cardVersion: member.cardVersion,
      erased: sql<boolean>`${member.erasedAt} is not null`,
      approvedAt: membership.approvedAt,
      paidAt: membership.paidAt,
      startDate: membership.startDate,
      endDate: membership.endDate,
      suspendedAt: membership.suspendedAt,
      cancelledAt: membership.cancelledAt,
      graceDays: membershipTier.graceDays,
      requiresApproval: membershipTier.requiresApproval,
      feeCents: membershipTier.feeCents,
      registrationId: r.id,
      registrationStatus: r.status,
      partySize: r.partySize,
      checkedInAt: r.checkedInAt,
      activity: a,
      replayKind: kr.kind,
      replayResult: kr.result,
    })
    .from(
      sql`unnest(${sql.placeholder("memberNumbers")}::text[], ${sql.placeholder("activityIds")}::text[],
        ${sql.placeholder("deviceIds")}::text[], ${sql.placeholder("clientIds")}::text[])
        with ordinality as k(member_number, activity_id, device_id, client_id, i)`,
    )
    .innerJoin(member, eq(member.memberNumber, k.memberNumber))
    .leftJoin(membership, isCurrentMembershipOf(member.id))
    .leftJoin(membershipTier, eq(membershipTier.id, membership.tierId))
    .leftJoin(
      r,
      and(eq(r.memberId, member.id), eq(r.activityId, k.activityId), ne(r.status, "cancelled")),
    )
    .leftJoin(a, eq(a.id, k.activityId))
    .leftJoin(kr, and(eq(kr.deviceId, k.deviceId), eq(kr.clientId, k.clientId)))
    .prepare("readers_check_in_facts");
}

type CheckInFactsRow = Awaited<
  ReturnType<ReturnType<typeof prepareCheckInFacts>["execute"]>
>[number];

/** Concurrent check-ins (a queue at several kiosks) share one read (`lookupBatcher`). */
function checkInFactsBatcher(db: Database) {
  const query = prepareCheckInFacts(db);
  return lookupBatcher(async (keys: readonly CheckInFactsKey[]) => {
    const rows = await query.execute({
      memberNumbers: keys.map((key) => key.memberNumber),
      activityIds: keys.map((key) => key.activityId),
      deviceIds: keys.map((key) => key.deviceId),
      clientIds: keys.map((key) => key.clientId),
    });
    const byKey = new Map(rows.map((row) => [Number(row.key), row]));
    return keys.map((_, index) => byKey.get(index + 1) ?? null);
  });
}

const checkInFactsBatchers = new WeakMap<Database, ReturnType<typeof checkInFactsBatcher>>();

/** Everything a member's kiosk check-in reads, in one query (only what the decision needs). */
export interface CheckInFacts {
  member: {
    id: string;
    firstName: string;
    lastName: string;
    cardVersion: number;
    erased: boolean;
  };
  /** The current membership's facts and its tier's status settings; null without one. */
  current: {
    membership: MembershipFacts;
    tier: Pick<Tier, "graceDays" | "requiresApproval" | "feeCents">;
  } | null;
  /** The member's live registration for the activity. */
  registration: Pick<RegistrationRow, "id" | "status" | "partySize" | "checkedInAt"> | null;
  activity: ActivityRow | null;
  /** The stored answer (and its request kind), when this device already sent this client id. */
  replay: { kind: string; result: unknown } | null;
}

/**
 * A kiosk check-in's facts by member number — the member and their current membership, their
 * live registration for the activity, the activity, and any earlier answer to the same
 * client id — in one prepared query, read without locks (see `checkInNeedsSeatCounts`).
 */
export async function checkInFacts(
  db: Database,
  by: CheckInFactsKey,
): Promise<CheckInFacts | null> {
  let lookup = checkInFactsBatchers.get(db);
  if (!lookup) {
    lookup = checkInFactsBatcher(db);
    checkInFactsBatchers.set(db, lookup);
  }
  const row: CheckInFactsRow | null = await lookup(by);
  if (!row) return null;
  return {
    member: {
      id: row.memberId,
      firstName: row.firstName,
      lastName: row.lastName,
      cardVersion: row.cardVersion,
      erased: row.erased,
    },
    current:
      row.graceDays !== null && row.requiresApproval !== null && row.feeCents !== null
        ? {
            membership: {
              approvedAt: row.approvedAt,
              paidAt: row.paidAt,
              startDate: row.startDate,
              endDate: row.endDate,
              suspendedAt: row.suspendedAt,
              cancelledAt: row.cancelledAt,
            },
            tier: {
              graceDays: row.graceDays,
              requiresApproval: row.requiresApproval,
              feeCents: row.feeCents,
            },
          }
        : null,
    registration:
      row.registrationId !== null && row.registrationStatus !== null && row.partySize !== null
        ? {
            id: row.registrationId,
            status: row.registrationStatus,
            partySize: row.partySize,
            checkedInAt: row.checkedInAt,
          }
        : null,
    activity: row.activity,
    replay: row.replayKind ? { kind: row.replayKind, result: row.replayResult } : null,
  };
}

/**
 * Checks in a confirmed registration without locking the activity, in one statement: the
 * registration is marked only if it is still confirmed, not checked in and of the party size
 * the decision was made for, and its activity still published at the kiosk's location; the
 * kiosk's answer is stored under its client id in the
 * same statement (so both happen or neither). Returns false when the registration changed
 * meanwhile — the caller then decides again under the lock; `announce` goes out with it (one
 * round trip for all three). A client id already stored
 * fails the statement with a unique violation (the caller replays the stored answer).
 */
/** The statement of `checkInConfirmedRegistration`; prepared once per connection. */
const CHECK_IN_CONFIRMED_SQL = `with upd as (
    update registration
    set checked_in_at = $1::timestamptz, checked_in_seats = party_size, updated_at = $2::timestamptz
    where id = $3 and status = 'confirmed' and checked_in_at is null and party_size = $4::int
      -- Still published at this kiosk's location (not cancelled or moved meanwhile).
      and exists (select 1 from activity a where a.id = $5
        and a.status = 'published' and a.location_id = $6)
    returning id
  ), req as (
    insert into kiosk_request (device_id, client_id, kind, subject_id, result, created_at)
    select $7, $8, 'checkIn', $5, $9::jsonb, $2::timestamptz from upd
    returning 1
  )
  select n::int as done,
    case when n = 1 and $10::text is not null then pg_notify($11, $10::text) end as announced
  from (select count(*) as n from req) c`;

/**
 * Runs a hot statement as a named prepared statement on PostgreSQL (parsed and planned once
 * per connection, not on every call); PGlite runs it as it is.
 */
async function runPrepared<T>(
  db: Database,
  name: string,
  text: string,
  values: unknown[],
): Promise<T[]> {
  const client = (db as unknown as { $client: unknown }).$client;
  if (client instanceof pg.Pool) {
    return (await client.query({ name, text, values })).rows as T[];
  }
  return (await (client as PGlite).query<T>(text, values)).rows;
}

export async function checkInConfirmedRegistration(
  db: Database,
  input: {
    registrationId: string;
    partySize: number;
    activityId: string;
    /** The kiosk's location: the activity must still be there. */
    locationId: string;
    checkedInAt: Date;
    deviceId: string;
    clientId: string;
    result: unknown;
    now: Date;
    /** Published with the write (on commit), only if it happened. */
    announce?: LiveEvent;
  },
): Promise<boolean> {
  const announce = input.announce ? JSON.stringify(input.announce) : null;
  const params = [
    input.checkedInAt.toISOString(),
    input.now.toISOString(),
    input.registrationId,
    input.partySize,
    input.activityId,
    input.locationId,
    input.deviceId,
    input.clientId,
    JSON.stringify(input.result),
    announce,
    LIVE_CHANNEL,
  ];
  const rows = await runPrepared<{ done: number | string }>(
    db,
    "readers_check_in_confirmed",
    CHECK_IN_CONFIRMED_SQL,
    params,
  );
  return Number(rows[0]?.done) === 1;
}

/**
 * A registration row, locked for the rest of the transaction. Writers that decide from a
 * registration's state (check-in, cancel, undo) read it this way after the activity's lock,
 * so an unlocked check-in (`checkInConfirmedRegistration`) committing meanwhile is seen.
 */
export async function lockRegistrationRow(tx: Tx, id: string): Promise<RegistrationRow | null> {
  return (
    (await tx.select().from(registration).where(eq(registration.id, id)).for("update"))[0] ?? null
  );
}

/** A member's live registration for an activity, locked (as `lockRegistrationRow`). */
export async function lockLiveRegistration(
  tx: Tx,
  activityId: string,
  memberId: string,
): Promise<RegistrationRow | null> {
  const rows = await tx
    .select()
    .from(registration)
    .where(
      and(
        eq(registration.activityId, activityId),
        eq(registration.memberId, memberId),
        ne(registration.status, "cancelled"),
      ),
    )
    .for("update");
  return rows[0] ?? null;
}
