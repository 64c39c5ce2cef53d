// What kiosk check-in reads: a member with their current membership (by number or id),
// today's activities at a location with their check-in counts, and the names a kiosk's
// name search may match (people registered for the activity, nobody else).
import { and, asc, eq, gt, inArray, lt, ne, or, sql } from "drizzle-orm";
import type { Database, Tx } from "../client.ts";
import { activity, member, membership, membershipTier, registration } from "../schema/index.ts";
import type { ActivityRow } from "./activities.ts";
import type { MemberRow, MembershipRow, TierRow } from "./members.ts";

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
    .leftJoin(
      membership,
      eq(
        membership.id,
        sql`(select x.id from membership x where x.member_id = ${member.id}
          order by (x.cancelled_at is null) desc, x.applied_at desc limit 1)`,
      ),
    )
    .leftJoin(membershipTier, eq(membershipTier.id, membership.tierId))
    .where(
      "memberNumber" in by ? eq(member.memberNumber, by.memberNumber) : eq(member.id, by.memberId),
    );
  const row = rows[0];
  if (!row) return null;
  return {
    member: row.member,
    current: row.membership && row.tier ? { membership: row.membership, tier: row.tier } : null,
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

/** Names of everyone registered (not cancelled) for an activity: the name search's pool. */
export async function attendeeNames(db: Db, activityId: string): Promise<AttendeeName[]> {
  return db
    .select({
      registrationId: registration.id,
      firstName: member.firstName,
      lastName: member.lastName,
      guestName: registration.guestName,
      checkedIn: sql<boolean>`${registration.checkedInAt} is not null`,
    })
    .from(registration)
    .leftJoin(member, eq(member.id, registration.memberId))
    .where(and(eq(registration.activityId, activityId), ne(registration.status, "cancelled")));
}

/** Display names for registrations (kiosk result screens show "first name + initial"). */
export async function registrationHolderNames(
  db: Db,
  registrationIds: string[],
): Promise<Map<string, AttendeeName>> {
  const result = new Map<string, AttendeeName>();
  if (registrationIds.length === 0) return result;
  const rows = await db
    .select({
      registrationId: registration.id,
      firstName: member.firstName,
      lastName: member.lastName,
      guestName: registration.guestName,
      checkedIn: sql<boolean>`${registration.checkedInAt} is not null`,
    })
    .from(registration)
    .leftJoin(member, eq(member.id, registration.memberId))
    .where(inArray(registration.id, registrationIds));
  for (const row of rows) result.set(row.registrationId, row);
  return result;
}
