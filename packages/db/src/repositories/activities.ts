// Activities, series, registrations and calendar-feed tokens: rows in, domain-shaped data out.
// Every write to an activity's registrations happens under that activity's row lock
// (lockActivity), so seat counts read in the same transaction stay true until commit.
import type {
  Activity,
  ActivityKind,
  ActivityStatus,
  Audience,
  RegistrationStatus,
  Series,
} from "@readers/domain";
import {
  and,
  asc,
  desc,
  eq,
  gt,
  gte,
  inArray,
  lt,
  ne,
  or,
  type Placeholder,
  type SQL,
  sql,
} from "drizzle-orm";
import { type Database, isTransaction, queryRows, type Tx } from "../client.ts";
import { lookupBatcher } from "../lookup-batcher.ts";
import {
  activity,
  activitySeries,
  calendarFeed,
  location,
  member,
  membership,
  membershipTier,
  registration,
} from "../schema/index.ts";
import { currentOf, escapeLike, isCurrentMembershipOf } from "./members.ts";

type Db = Database | Tx;
export type ActivityRow = typeof activity.$inferSelect;
export type SeriesRow = typeof activitySeries.$inferSelect;
export type RegistrationRow = typeof registration.$inferSelect;
export type NewRegistration = typeof registration.$inferInsert;

// ------------------------------------------------------------------------------ mapping

/** A stored activity as the domain's Activity. */
export function toActivity(row: ActivityRow): Activity {
  return {
    id: row.id,
    seriesId: row.seriesId,
    kind: row.kind,
    title: row.title,
    summary: row.summary,
    description: row.description,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    locationId: row.locationId,
    capacity: row.capacity,
    audience: row.audience,
    registration: row.registrationMode,
    opensAt: row.opensAt,
    closesAt: row.closesAt,
    maxPartySize: row.maxPartySize,
    cancellationCutoffMinutes: row.cancellationCutoffMinutes,
    checkInOpensMinutesBefore: row.checkInOpensMinutesBefore,
    noShowAfterMinutes: row.noShowAfterMinutes,
    waitlistEnabled: row.waitlistEnabled,
    featuredBookIds: row.featuredBookIds,
    partnerIds: row.partnerIds,
    featuredBooks: row.featuredBooks,
    partnerNames: row.partnerNames,
    status: row.status,
  };
}

/** The columns of a domain Activity (everything but bookkeeping). */
export function activityColumns(a: Omit<Activity, "id" | "status">) {
  return {
    seriesId: a.seriesId,
    kind: a.kind,
    title: a.title,
    summary: a.summary,
    description: a.description,
    startsAt: a.startsAt,
    endsAt: a.endsAt,
    locationId: a.locationId,
    capacity: a.capacity,
    audience: a.audience,
    registrationMode: a.registration,
    opensAt: a.opensAt,
    closesAt: a.closesAt,
    maxPartySize: a.maxPartySize,
    cancellationCutoffMinutes: a.cancellationCutoffMinutes,
    checkInOpensMinutesBefore: a.checkInOpensMinutesBefore,
    noShowAfterMinutes: a.noShowAfterMinutes,
    waitlistEnabled: a.waitlistEnabled,
    featuredBookIds: a.featuredBookIds,
    partnerIds: a.partnerIds,
    featuredBooks: a.featuredBooks,
    partnerNames: a.partnerNames,
  };
}

export function toSeries(row: SeriesRow): Series {
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    kind: row.kind,
    completionPercent: row.completionPercent,
  };
}

// --------------------------------------------------------------------------- activities

export async function insertActivity(
  db: Db,
  row: typeof activity.$inferInsert,
): Promise<ActivityRow> {
  return (await db.insert(activity).values(row).returning())[0]!;
}

export async function updateActivity(
  db: Db,
  id: string,
  patch: Partial<Omit<typeof activity.$inferInsert, "id">>,
): Promise<ActivityRow> {
  return (await db.update(activity).set(patch).where(eq(activity.id, id)).returning())[0]!;
}

export async function getActivity(db: Db, id: string): Promise<ActivityRow | null> {
  return (await db.select().from(activity).where(eq(activity.id, id)))[0] ?? null;
}

/**
 * Locks the activity row for the rest of the transaction: the guard of its seats. Every
 * change to its registrations (register, cancel, promote, check in) takes this lock first.
 */
export async function lockActivity(tx: Tx, id: string): Promise<ActivityRow | null> {
  return (await tx.select().from(activity).where(eq(activity.id, id)).for("update"))[0] ?? null;
}

/** Locks every session of a series, in id order (one order everywhere: no deadlocks). */
export async function lockSeriesActivities(tx: Tx, seriesId: string): Promise<ActivityRow[]> {
  return tx
    .select()
    .from(activity)
    .where(eq(activity.seriesId, seriesId))
    .orderBy(asc(activity.id))
    .for("update");
}

export async function seriesActivities(db: Db, seriesId: string): Promise<ActivityRow[]> {
  return db
    .select()
    .from(activity)
    .where(eq(activity.seriesId, seriesId))
    .orderBy(asc(activity.startsAt), asc(activity.id));
}

/**
 * Locks an activity's row as `lockActivity` does and reads its location's name in the same
 * query: a registration batch needs both, and each round trip under the lock delays the
 * registrations queued behind it.
 */
export async function lockActivityWithLocation(
  tx: Tx,
  id: string,
): Promise<{ row: ActivityRow; locationName: string | null } | null> {
  const rows = await tx
    .select({ row: activity, locationName: location.name })
    .from(activity)
    .leftJoin(location, eq(location.id, activity.locationId))
    .where(eq(activity.id, id))
    .for("update", { of: activity });
  return rows[0] ?? null;
}

/** An activity with its location, in one query. */
export async function getActivityWithLocation(
  db: Db,
  id: string,
): Promise<{ activity: ActivityRow; location: typeof location.$inferSelect | null } | null> {
  const rows = await db
    .select({ activity, location })
    .from(activity)
    .leftJoin(location, eq(location.id, activity.locationId))
    .where(eq(activity.id, id));
  return rows[0] ?? null;
}

/** The query of `memberOfUser` for some users, with the strike candidates since `since` when given. */
function selectMembersOfUsers(db: Db, userIds: SQL | string, since?: Date | Placeholder) {
  return db
    .select({
      member,
      membership,
      tier: membershipTier,
      strikes: since
        ? sql<StrikeFactJson[]>`(select coalesce(json_agg(json_build_object(
            'status', ${registration.status},
            'checkedInAt', ${registration.checkedInAt},
            'lateCancellation', ${registration.lateCancellation},
            'cancelledAt', ${registration.cancelledAt},
            'startsAt', ${activity.startsAt},
            'noShowAfterMinutes', ${activity.noShowAfterMinutes},
            'published', ${activity.status} = 'published')), '[]'::json)
          from ${registration} inner join ${activity} on ${activity.id} = ${registration.activityId}
          where ${registration.memberId} = ${member.id} and (${strikeCondition(since)}))`
        : sql<null>`null`,
    })
    .from(member)
    .leftJoin(membership, isCurrentMembershipOf(member.id))
    .leftJoin(membershipTier, eq(membershipTier.id, membership.tierId))
    .where(typeof userIds === "string" ? eq(member.userId, userIds) : userIds);
}

type MemberOfUserRow = Awaited<ReturnType<typeof selectMembersOfUsers>>[number];

/**
 * With the strikes, for many users at once (`= any`): asked on every registration, so
 * built and prepared once per handle, and concurrent registrations share one query.
 */
function memberOfUserBatcher(db: Database) {
  const query = selectMembersOfUsers(
    db,
    sql`${member.userId} = any(${sql.placeholder("userIds")})`,
    sql.placeholder("since"),
  ).prepare("readers_members_of_users_with_strikes");
  return lookupBatcher<{ userId: string; since: Date }, MemberOfUserRow | null>(async (keys) => {
    // One `since` for the batch, the earliest; each lookup then keeps its own strikes.
    const since = new Date(Math.min(...keys.map((k) => k.since.getTime())));
    const userIds = [...new Set(keys.map((k) => k.userId))];
    const rows = await query.execute({ userIds, since: since.toISOString() });
    const byUser = new Map(rows.map((row) => [row.member.userId, row]));
    return keys.map((k) => byUser.get(k.userId) ?? null);
  });
}

const memberOfUserBatchers = new WeakMap<Database, ReturnType<typeof memberOfUserBatcher>>();

/**
 * A signed-in person's member record with their current membership and its tier (the same
 * choice as `currentMembership`: not cancelled first, then the latest), in one query; with
 * `strikesSince`, their strike candidates since then too (as `strikeCandidates`).
 */
export async function memberOfUser(
  db: Db,
  userId: string,
  options: {
    /** Also read the member's strike candidates since then (as `strikeCandidates`). */
    strikesSince?: Date;
  } = {},
) {
  const since = options.strikesSince;
  let row: MemberOfUserRow | null;
  if (since && isDatabase(db)) {
    let lookup = memberOfUserBatchers.get(db);
    if (!lookup) {
      lookup = memberOfUserBatcher(db);
      memberOfUserBatchers.set(db, lookup);
    }
    row = await lookup({ userId, since });
  } else {
    row = (await selectMembersOfUsers(db, userId, since))[0] ?? null;
  }
  if (!row) return null;
  return {
    member: row.member,
    current: currentOf(row),
    /** Present when `strikesSince` was given. */
    strikes: since ? parseStrikeFacts(row.strikes, since) : undefined,
  };
}

/**
 * `strikeCondition` again, for facts read with an earlier `since` (a batch reads from its
 * earliest): a late cancellation since then, or a confirmed registration without check-in
 * of a published activity starting since then.
 */
function isStrikeSince(fact: StrikeFactJson, since: Date): boolean {
  if (fact.lateCancellation && fact.cancelledAt && new Date(fact.cancelledAt) >= since) {
    return true;
  }
  return (
    fact.status === "confirmed" &&
    fact.checkedInAt === null &&
    fact.published === true &&
    new Date(fact.startsAt) >= since
  );
}

/** A handle outside any transaction (prepared statements are kept per handle). */
function isDatabase(db: Db): db is Database {
  return !isTransaction(db);
}

export async function locationExists(db: Db, id: string): Promise<boolean> {
  return (
    (await db.select({ id: location.id }).from(location).where(eq(location.id, id))).length > 0
  );
}

export async function getLocation(db: Db, id: string) {
  return (await db.select().from(location).where(eq(location.id, id)))[0] ?? null;
}

// ------------------------------------------------------------------------------- series

export async function insertSeries(
  db: Db,
  row: typeof activitySeries.$inferInsert,
): Promise<SeriesRow> {
  return (await db.insert(activitySeries).values(row).returning())[0]!;
}

export async function getSeries(db: Db, id: string): Promise<SeriesRow | null> {
  return (await db.select().from(activitySeries).where(eq(activitySeries.id, id)))[0] ?? null;
}

export async function updateSeries(
  db: Db,
  id: string,
  patch: Partial<Omit<typeof activitySeries.$inferInsert, "id">>,
): Promise<SeriesRow> {
  return (
    await db.update(activitySeries).set(patch).where(eq(activitySeries.id, id)).returning()
  )[0]!;
}

// ------------------------------------------------------------------------ seat counting

/** Seats and parties of one activity, by registration status. */
export interface SeatTally {
  confirmedSeats: number;
  confirmedParties: number;
  waitlistedSeats: number;
  waitlistedParties: number;
  /** Seats checked in (registered and walk-ins). */
  checkedInSeats: number;
  /** Seats of confirmed registrations not checked in yet. */
  heldSeats: number;
}

const EMPTY_TALLY: SeatTally = {
  confirmedSeats: 0,
  confirmedParties: 0,
  waitlistedSeats: 0,
  waitlistedParties: 0,
  checkedInSeats: 0,
  heldSeats: 0,
};

const tallyColumns = {
  activityId: registration.activityId,
  confirmedSeats: sql<number>`coalesce(sum(${registration.partySize}) filter (where ${registration.status} = 'confirmed'), 0)::int`,
  confirmedParties: sql<number>`(count(*) filter (where ${registration.status} = 'confirmed'))::int`,
  waitlistedSeats: sql<number>`coalesce(sum(${registration.partySize}) filter (where ${registration.status} = 'waitlisted'), 0)::int`,
  waitlistedParties: sql<number>`(count(*) filter (where ${registration.status} = 'waitlisted'))::int`,
  checkedInSeats: sql<number>`coalesce(sum(coalesce(${registration.checkedInSeats}, ${registration.partySize})) filter (where ${registration.checkedInAt} is not null and ${registration.status} <> 'cancelled'), 0)::int`,
  heldSeats: sql<number>`coalesce(sum(${registration.partySize}) filter (where ${registration.status} = 'confirmed' and ${registration.checkedInAt} is null), 0)::int`,
};

/** Counts one activity's seats; call under its lock when a decision depends on them. */
export async function seatTally(db: Db, activityId: string): Promise<SeatTally> {
  const rows = await db
    .select(tallyColumns)
    .from(registration)
    .where(and(eq(registration.activityId, activityId), ne(registration.status, "cancelled")))
    .groupBy(registration.activityId);
  const { activityId: _id, ...tally } = rows[0] ?? { activityId, ...EMPTY_TALLY };
  return normaliseTally(tally);
}

/** Confirmed seats only: the one number a registration decision needs. */
export async function confirmedSeats(db: Db, activityId: string): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`coalesce(sum(${registration.partySize}), 0)::int` })
    .from(registration)
    .where(and(eq(registration.activityId, activityId), eq(registration.status, "confirmed")));
  return Number(rows[0]?.n ?? 0);
}

/** Who holds a registration: a member, or a guest by e-mail. */
export type RegistrationHolder = { memberId: string } | { guestEmail: string };

/**
 * What registration decisions read under the lock, in one round trip: confirmed seats,
 * which of `holders` already hold a live registration (as `m:<memberId>` / `g:<email>`),
 * and for each of `newcomers` (registrations about to be written, by id and creation
 * instant) how many waitlisted registrations come before it in serving order (created,
 * then id in byte order, as the domain's sortWaitlist). Must be a statement of its own
 * after the lock is granted, so that its snapshot sees what the previous holder of the
 * lock committed; the waitlist cannot change while the lock is held (every change to it
 * takes the lock), so the counts stay true until the commit.
 */
export async function seatsAndHolders(
  tx: Tx,
  activityId: string,
  holders: readonly RegistrationHolder[],
  newcomers: readonly { id: string; createdAt: Date }[] = [],
): Promise<{ confirmedSeats: number; held: Set<string>; waitlistedBefore: Map<string, number> }> {
  const list = (values: string[]) =>
    values.length === 0
      ? sql`(null)`
      : sql`(${sql.join(
          values.map((v) => sql`${v}`),
          sql`, `,
        )})`;
  const memberIds = holders.flatMap((h) => ("memberId" in h ? [h.memberId] : []));
  const emails = holders.flatMap((h) => ("guestEmail" in h ? [h.guestEmail.toLowerCase()] : []));
  // Everyone waiting since before the earliest newcomer is counted once (base); only the
  // few created after it (a request of another instance committed late) are compared with
  // each newcomer — not the whole waitlist once per newcomer.
  const earliest = new Date(Math.min(...newcomers.map((n) => n.createdAt.getTime())));
  const before =
    newcomers.length === 0
      ? sql`null::json`
      : sql`(select json_object_agg(x.id, b.base + (select count(*)::int from registration r
          where r.activity_id = ${activityId} and r.status = 'waitlisted'
            and r.created_at >= ${earliest.toISOString()}::timestamptz
            and (r.created_at < x.at
              or (r.created_at = x.at and r.id collate "C" < x.id collate "C"))))
        from (values ${sql.join(
          newcomers.map((n) => sql`(${n.id}, ${n.createdAt.toISOString()}::timestamptz)`),
          sql`, `,
        )}) as x(id, at),
        (select count(*)::int as base from registration
          where activity_id = ${activityId} and status = 'waitlisted'
            and created_at < ${earliest.toISOString()}::timestamptz) as b)`;
  const [row] = await queryRows<{
    confirmed: number | string;
    held: string[] | null;
    before: Record<string, number> | string | null;
  }>(
    tx,
    sql`select
      (select coalesce(sum(party_size), 0)::int from registration
        where activity_id = ${activityId} and status = 'confirmed') as confirmed,
      (select array_agg(case when member_id is not null then 'm:' || member_id
                             else 'g:' || guest_email end)
        from registration
        where activity_id = ${activityId} and status <> 'cancelled'
          and (member_id in ${list(memberIds)} or guest_email in ${list(emails)})) as held,
      ${before} as before`,
  );
  const counts =
    typeof row?.before === "string"
      ? (JSON.parse(row.before) as Record<string, number>)
      : (row?.before ?? {});
  return {
    confirmedSeats: Number(row?.confirmed ?? 0),
    held: new Set(row?.held ?? []),
    waitlistedBefore: new Map(Object.entries(counts).map(([id, n]) => [id, Number(n)])),
  };
}

/** The key `seatsAndHolders` reports a holder under. */
export function holderKey(holder: RegistrationHolder): string {
  return "memberId" in holder ? `m:${holder.memberId}` : `g:${holder.guestEmail.toLowerCase()}`;
}

/** 1-based place of a waitlisted registration (serving order: created, then id), by counting. */
export async function waitlistPlace(
  db: Db,
  reg: Pick<RegistrationRow, "id" | "activityId" | "createdAt">,
): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(registration)
    .where(
      and(
        eq(registration.activityId, reg.activityId),
        eq(registration.status, "waitlisted"),
        or(
          lt(registration.createdAt, reg.createdAt),
          // Byte order, as the domain's sortWaitlist compares ids.
          and(
            eq(registration.createdAt, reg.createdAt),
            sql`${registration.id} collate "C" <= ${reg.id} collate "C"`,
          ),
        ),
      ),
    );
  return Number(rows[0]?.n ?? 0);
}

function normaliseTally(t: SeatTally): SeatTally {
  // PGlite and pg may hand back numeric strings for aggregates.
  return {
    confirmedSeats: Number(t.confirmedSeats),
    confirmedParties: Number(t.confirmedParties),
    waitlistedSeats: Number(t.waitlistedSeats),
    waitlistedParties: Number(t.waitlistedParties),
    checkedInSeats: Number(t.checkedInSeats),
    heldSeats: Number(t.heldSeats),
  };
}

/** Seat tallies of many activities in one query (listings). */
export async function seatTallies(db: Db, activityIds: string[]): Promise<Map<string, SeatTally>> {
  const result = new Map<string, SeatTally>();
  if (activityIds.length === 0) return result;
  const rows = await db
    .select(tallyColumns)
    .from(registration)
    .where(and(inArray(registration.activityId, activityIds), ne(registration.status, "cancelled")))
    .groupBy(registration.activityId);
  for (const { activityId, ...tally } of rows) result.set(activityId, normaliseTally(tally));
  for (const id of activityIds) if (!result.has(id)) result.set(id, { ...EMPTY_TALLY });
  return result;
}

// ------------------------------------------------------------------------ registrations

export async function insertRegistration(db: Db, row: NewRegistration): Promise<RegistrationRow> {
  return (
    await db
      .insert(registration)
      .values({ ...row, guestEmail: row.guestEmail?.toLowerCase() ?? null })
      .returning()
  )[0]!;
}

export async function insertRegistrations(
  db: Db,
  rows: NewRegistration[],
): Promise<RegistrationRow[]> {
  if (rows.length === 0) return [];
  return db.insert(registration).values(rows).returning();
}

export async function updateRegistration(
  db: Db,
  id: string,
  patch: Partial<Omit<NewRegistration, "id" | "activityId">>,
): Promise<RegistrationRow> {
  return (await db.update(registration).set(patch).where(eq(registration.id, id)).returning())[0]!;
}

/** Confirms waitlisted registrations (a promotion), returning them. */
export async function confirmRegistrations(
  db: Db,
  ids: string[],
  now: Date,
): Promise<RegistrationRow[]> {
  if (ids.length === 0) return [];
  return db
    .update(registration)
    .set({ status: "confirmed", promotedAt: now, updatedAt: now })
    .where(and(inArray(registration.id, ids), eq(registration.status, "waitlisted")))
    .returning();
}

export async function getRegistration(db: Db, id: string): Promise<RegistrationRow | null> {
  return (await db.select().from(registration).where(eq(registration.id, id)))[0] ?? null;
}

export async function getRegistrationByTokenHash(
  db: Db,
  tokenHash: string,
): Promise<RegistrationRow | null> {
  return (
    (await db.select().from(registration).where(eq(registration.manageTokenHash, tokenHash)))[0] ??
    null
  );
}

/** The member's or guest e-mail's live (confirmed or waitlisted) registration, if any. */
export async function findLiveRegistration(
  db: Db,
  activityId: string,
  who: { memberId: string } | { guestEmail: string },
): Promise<RegistrationRow | null> {
  const holder =
    "memberId" in who
      ? eq(registration.memberId, who.memberId)
      : eq(registration.guestEmail, who.guestEmail.toLowerCase());
  const rows = await db
    .select()
    .from(registration)
    .where(
      and(eq(registration.activityId, activityId), holder, ne(registration.status, "cancelled")),
    );
  return rows[0] ?? null;
}

/** Live registrations of a member in any of `activityIds`. */
export async function memberRegistrationsIn(
  db: Db,
  memberId: string,
  activityIds: string[],
): Promise<RegistrationRow[]> {
  if (activityIds.length === 0) return [];
  return db
    .select()
    .from(registration)
    .where(
      and(
        eq(registration.memberId, memberId),
        inArray(registration.activityId, activityIds),
        ne(registration.status, "cancelled"),
      ),
    );
}

/** The waitlist of an activity, in serving order. */
export async function waitlistOf(
  db: Db,
  activityId: string,
): Promise<{ id: string; partySize: number; createdAt: Date }[]> {
  return db
    .select({
      id: registration.id,
      partySize: registration.partySize,
      createdAt: registration.createdAt,
    })
    .from(registration)
    .where(and(eq(registration.activityId, activityId), eq(registration.status, "waitlisted")))
    .orderBy(asc(registration.createdAt), asc(registration.id));
}

/** Holders of confirmed and waitlisted registrations: whom a change or cancellation concerns. */
export async function liveRegistrants(
  db: Db,
  activityId: string,
  statuses: ("confirmed" | "waitlisted")[] = ["confirmed", "waitlisted"],
): Promise<RegistrationRow[]> {
  return db
    .select()
    .from(registration)
    .where(
      and(
        eq(registration.activityId, activityId),
        inArray(registration.status, statuses),
        eq(registration.walkIn, false),
      ),
    );
}

/** One roster line: the registration and the holder's name (and member number), nothing more. */
export interface RosterRow {
  registration: RegistrationRow;
  firstName: string | null;
  lastName: string | null;
  memberNumber: string | null;
}

/** An activity's registrations for the organizer's roster, in registration order. */
export async function rosterOf(
  db: Db,
  activityId: string,
  options: { status?: RegistrationStatus; limit: number },
): Promise<RosterRow[]> {
  return db
    .select({
      registration,
      firstName: member.firstName,
      lastName: member.lastName,
      memberNumber: member.memberNumber,
    })
    .from(registration)
    .leftJoin(member, eq(member.id, registration.memberId))
    .where(
      and(
        eq(registration.activityId, activityId),
        options.status ? eq(registration.status, options.status) : undefined,
      ),
    )
    .orderBy(asc(registration.createdAt), asc(registration.id))
    .limit(options.limit);
}

/** Every registration of the given activities (attendance reports). */
export async function registrationsOf(
  db: Db,
  activityIds: string[],
): Promise<(RegistrationRow & { firstName: string | null; lastName: string | null })[]> {
  if (activityIds.length === 0) return [];
  const rows = await db
    .select({ registration, firstName: member.firstName, lastName: member.lastName })
    .from(registration)
    .leftJoin(member, eq(member.id, registration.memberId))
    .where(inArray(registration.activityId, activityIds))
    .orderBy(asc(registration.createdAt), asc(registration.id));
  return rows.map((r) => ({ ...r.registration, firstName: r.firstName, lastName: r.lastName }));
}

/**
 * A member's registrations with their activities: `upcoming` (not ended, live), or `past`
 * (ended, or cancelled), newest first, keyset-paged by (start, id).
 */
export async function memberRegistrations(
  db: Db,
  memberId: string,
  options: {
    when: "upcoming" | "past";
    now: Date;
    limit: number;
    after?: { startsAt: Date; id: string };
  },
): Promise<{ registration: RegistrationRow; activity: ActivityRow }[]> {
  const { now } = options;
  const filter =
    options.when === "upcoming"
      ? and(gt(activity.endsAt, now), ne(registration.status, "cancelled"))
      : or(
          lt(activity.endsAt, now),
          eq(activity.endsAt, now),
          eq(registration.status, "cancelled"),
        );
  const after = options.after
    ? options.when === "upcoming"
      ? or(
          gt(activity.startsAt, options.after.startsAt),
          and(eq(activity.startsAt, options.after.startsAt), gt(registration.id, options.after.id)),
        )
      : or(
          lt(activity.startsAt, options.after.startsAt),
          and(eq(activity.startsAt, options.after.startsAt), lt(registration.id, options.after.id)),
        )
    : undefined;
  const order =
    options.when === "upcoming"
      ? [asc(activity.startsAt), asc(registration.id)]
      : [desc(activity.startsAt), desc(registration.id)];
  return db
    .select({ registration, activity })
    .from(registration)
    .innerJoin(activity, eq(activity.id, registration.activityId))
    .where(and(eq(registration.memberId, memberId), filter, after))
    .orderBy(...order)
    .limit(options.limit);
}

/**
 * What a member's no-show penalty is computed from: their confirmed registrations not
 * checked in at published activities that started since `since`, and their late
 * cancellations since then. The domain decides which are strikes.
 */
/** What deciding a strike needs of one registration (see `strikeCandidates`). */
export interface StrikeFact {
  status: RegistrationStatus;
  checkedInAt: Date | null;
  lateCancellation: boolean;
  cancelledAt: Date | null;
  startsAt: Date;
  noShowAfterMinutes: number;
}

interface StrikeFactJson {
  status: RegistrationStatus;
  checkedInAt: string | null;
  lateCancellation: boolean;
  cancelledAt: string | null;
  startsAt: string;
  noShowAfterMinutes: number;
  /** Whether the activity is published (a no-show counts only there). */
  published?: boolean;
}

/** The strike facts read as JSON, those that are strikes since `since` (`isStrikeSince`). */
function parseStrikeFacts(value: unknown, since: Date): StrikeFact[] {
  const list = (typeof value === "string" ? JSON.parse(value) : (value ?? [])) as StrikeFactJson[];
  return list
    .filter((f) => isStrikeSince(f, since))
    .map((f) => ({
      status: f.status,
      checkedInAt: f.checkedInAt ? new Date(f.checkedInAt) : null,
      lateCancellation: f.lateCancellation === true,
      cancelledAt: f.cancelledAt ? new Date(f.cancelledAt) : null,
      startsAt: new Date(f.startsAt),
      noShowAfterMinutes: Number(f.noShowAfterMinutes),
    }));
}

/** A member's registrations that are, or may become, strikes (no-show, late cancellation). */
function strikeCondition(since: Date | Placeholder): SQL {
  return or(
    and(
      eq(registration.status, "confirmed"),
      sql`${registration.checkedInAt} is null`,
      eq(activity.status, "published"),
      gte(activity.startsAt, since),
    ),
    and(eq(registration.lateCancellation, true), gte(registration.cancelledAt, since)),
  )!;
}

export async function strikeCandidates(
  db: Db,
  memberId: string,
  since: Date,
): Promise<{ registration: RegistrationRow; activity: ActivityRow }[]> {
  return db
    .select({ registration, activity })
    .from(registration)
    .innerJoin(activity, eq(activity.id, registration.activityId))
    .where(and(eq(registration.memberId, memberId), strikeCondition(since)));
}

/** Confirmed registrations of published activities starting in [from, to) (reminders). */
export async function confirmedRegistrationsStarting(
  db: Db,
  from: Date,
  to: Date,
): Promise<{ registration: RegistrationRow; activity: ActivityRow }[]> {
  return db
    .select({ registration, activity })
    .from(registration)
    .innerJoin(activity, eq(activity.id, registration.activityId))
    .where(
      and(
        eq(activity.status, "published"),
        gte(activity.startsAt, from),
        lt(activity.startsAt, to),
        eq(registration.status, "confirmed"),
        eq(registration.walkIn, false),
      ),
    )
    .orderBy(asc(activity.startsAt), asc(registration.id));
}

// ---------------------------------------------------------------------------- listing

export interface ActivityListFilter {
  from?: Date;
  to?: Date;
  kind?: ActivityKind;
  audience?: Audience;
  text?: string;
  locationId?: string;
  seriesId?: string;
  /** Statuses to include; `publishedOnly` adds "cancelled after being published". */
  statuses: ActivityStatus[];
  /** Cancelled activities are listed only if they were published once (public view). */
  publishedOnly: boolean;
  /** Restrict to these audiences (anonymous visitors: public only). */
  audiences?: Audience[];
  after?: { startsAt: Date; id: string };
  limit: number;
}

/** One page of activities, by start then id (keyset paging). */
export async function listActivities(db: Db, f: ActivityListFilter): Promise<ActivityRow[]> {
  const parts: (SQL | undefined)[] = [
    inArray(activity.status, f.statuses),
    f.publishedOnly ? sql`${activity.publishedAt} is not null` : undefined,
    f.from ? gt(activity.endsAt, f.from) : undefined,
    f.to ? lt(activity.startsAt, f.to) : undefined,
    f.kind ? eq(activity.kind, f.kind) : undefined,
    f.audience ? eq(activity.audience, f.audience) : undefined,
    f.audiences ? inArray(activity.audience, f.audiences) : undefined,
    f.locationId ? eq(activity.locationId, f.locationId) : undefined,
    f.seriesId ? eq(activity.seriesId, f.seriesId) : undefined,
    f.text
      ? sql`(${activity.title} ilike ${`%${escapeLike(f.text)}%`} or ${activity.summary} ilike ${`%${escapeLike(f.text)}%`})`
      : undefined,
    f.after
      ? or(
          gt(activity.startsAt, f.after.startsAt),
          and(eq(activity.startsAt, f.after.startsAt), gt(activity.id, f.after.id)),
        )
      : undefined,
  ];
  return db
    .select()
    .from(activity)
    .where(and(...parts))
    .orderBy(asc(activity.startsAt), asc(activity.id))
    .limit(f.limit);
}

/** Names of locations by id (one query for a page). */
export async function locationsByIds(
  db: Db,
  ids: string[],
): Promise<Map<string, { id: string; name: string; address: string | null }>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: location.id, name: location.name, address: location.address })
    .from(location)
    .where(inArray(location.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Titles of series by id. */
export async function seriesByIds(db: Db, ids: string[]): Promise<Map<string, SeriesRow>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.select().from(activitySeries).where(inArray(activitySeries.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}

// ------------------------------------------------------------------------ calendar feeds

/** Stores (or replaces) a person's feed nonce and token hash: the old address stops working. */
export async function setCalendarFeed(
  db: Db,
  feed: { userId: string; nonce: string; tokenHash: string },
  now: Date,
): Promise<void> {
  await db
    .insert(calendarFeed)
    .values({ ...feed, createdAt: now })
    .onConflictDoUpdate({
      target: calendarFeed.userId,
      set: { nonce: feed.nonce, tokenHash: feed.tokenHash, createdAt: now },
    });
}

/** Creates a feed unless the person has one (two first requests at once keep the first). */
export async function createCalendarFeed(
  db: Db,
  feed: { userId: string; nonce: string; tokenHash: string },
  now: Date,
): Promise<void> {
  await db
    .insert(calendarFeed)
    .values({ ...feed, createdAt: now })
    .onConflictDoNothing({ target: calendarFeed.userId });
}

export async function getCalendarFeed(db: Db, userId: string) {
  return (await db.select().from(calendarFeed).where(eq(calendarFeed.userId, userId)))[0] ?? null;
}

/** The account a feed token belongs to, if any. */
export async function calendarFeedOwner(db: Db, tokenHash: string): Promise<string | null> {
  const rows = await db
    .select({ userId: calendarFeed.userId })
    .from(calendarFeed)
    .where(eq(calendarFeed.tokenHash, tokenHash));
  return rows[0]?.userId ?? null;
}
