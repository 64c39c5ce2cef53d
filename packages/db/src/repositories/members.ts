// Members, tiers, memberships, payments and member history: rows in, domain-shaped data out.
import { type MembershipStatus, memberNumberFromSequence, type Tier } from "@readers/domain";
import { and, asc, desc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { type Database, queryRows, type Tx } from "../client.ts";
import {
  auditLog,
  member,
  memberEvent,
  membership,
  membershipPayment,
  membershipTier,
  user,
} from "../schema/index.ts";

type Db = Database | Tx;
export type MemberRow = typeof member.$inferSelect;
export type MembershipRow = typeof membership.$inferSelect;
export type TierRow = typeof membershipTier.$inferSelect;
export type PaymentRow = typeof membershipPayment.$inferSelect;
export type MemberEventRow = typeof memberEvent.$inferSelect;

/** A tier row as the domain's Tier (plus whether it is archived). */
export function toTier(row: TierRow): Tier & { archived: boolean } {
  return {
    id: row.id,
    name: row.name,
    term: row.term,
    feeCents: row.feeCents,
    graceDays: row.graceDays,
    loanLimit: row.loanLimit,
    loanDays: row.loanDays,
    maxRenewals: row.maxRenewals,
    holdLimit: row.holdLimit,
    requiresApproval: row.requiresApproval,
    archived: row.archivedAt !== null,
  };
}

// ---------------------------------------------------------------------------------- tiers

export async function listTiers(
  db: Db,
  options: { includeArchived?: boolean } = {},
): Promise<TierRow[]> {
  return db
    .select()
    .from(membershipTier)
    .where(options.includeArchived ? undefined : isNull(membershipTier.archivedAt))
    .orderBy(asc(membershipTier.feeCents), asc(membershipTier.name));
}

export async function getTier(db: Db, id: string): Promise<TierRow | null> {
  return (await db.select().from(membershipTier).where(eq(membershipTier.id, id)))[0] ?? null;
}

export async function findTierByName(db: Db, name: string): Promise<TierRow | null> {
  const rows = await db
    .select()
    .from(membershipTier)
    .where(sql`lower(${membershipTier.name}) = lower(${name})`);
  return rows[0] ?? null;
}

/** Inserts or updates a tier (the caller checked the name is free). */
export async function saveTier(db: Db, tier: Tier, now: Date): Promise<TierRow> {
  const { id, ...values } = tier;
  const rows = await db
    .insert(membershipTier)
    .values({ id, ...values, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({ target: membershipTier.id, set: { ...values, updatedAt: now } })
    .returning();
  return rows[0]!;
}

export async function setTierArchived(
  db: Db,
  id: string,
  archived: boolean,
  now: Date,
): Promise<TierRow | null> {
  const rows = await db
    .update(membershipTier)
    .set({ archivedAt: archived ? now : null, updatedAt: now })
    .where(eq(membershipTier.id, id))
    .returning();
  return rows[0] ?? null;
}

// -------------------------------------------------------------------------------- members

export async function getMemberById(db: Db, id: string): Promise<MemberRow | null> {
  return (await db.select().from(member).where(eq(member.id, id)))[0] ?? null;
}

export async function getMemberByUserId(db: Db, userId: string): Promise<MemberRow | null> {
  return (await db.select().from(member).where(eq(member.userId, userId)))[0] ?? null;
}

export async function getMemberByNumber(db: Db, memberNumber: string): Promise<MemberRow | null> {
  return (await db.select().from(member).where(eq(member.memberNumber, memberNumber)))[0] ?? null;
}

export async function getMemberByEmail(db: Db, email: string): Promise<MemberRow | null> {
  return (await db.select().from(member).where(eq(member.email, email.toLowerCase())))[0] ?? null;
}

/** Locks the member row for the rest of the transaction (card version, profile changes). */
export async function lockMember(tx: Tx, id: string): Promise<MemberRow | null> {
  return (await tx.select().from(member).where(eq(member.id, id)).for("update"))[0] ?? null;
}

/**
 * The next member number from the sequence, skipping any that an import already used
 * (imported lists keep their old numbers).
 */
export async function nextMemberNumber(
  tx: Db,
  reserved: ReadonlySet<string> = new Set(),
): Promise<string> {
  for (;;) {
    const [row] = await queryRows<{ n: string }>(
      tx,
      sql`select nextval('member_number_seq')::text as n`,
    );
    const number = memberNumberFromSequence(Number(row!.n));
    // `reserved`: numbers an import is about to give its rows explicitly.
    if (!reserved.has(number) && !(await getMemberByNumber(tx, number))) return number;
  }
}

/** Every member number in use, with its member's e-mail ("" once erased): for import planning. */
export async function memberNumberOwners(db: Db): Promise<Map<string, string>> {
  const rows = await db.select({ n: member.memberNumber, email: member.email }).from(member);
  return new Map(rows.map((r) => [r.n, r.email ?? ""]));
}

/** Serialises CSV imports (transaction-scoped): two commits of one file must not both create. */
export async function lockMemberImports(tx: Tx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(7245110002)`);
}

export async function insertMember(db: Db, row: typeof member.$inferInsert): Promise<MemberRow> {
  return (
    await db
      .insert(member)
      .values({ ...row, email: row.email?.toLowerCase() ?? null })
      .returning()
  )[0]!;
}

export async function updateMember(
  db: Db,
  id: string,
  patch: Partial<Omit<typeof member.$inferInsert, "id">>,
): Promise<MemberRow | null> {
  const rows = await db.update(member).set(patch).where(eq(member.id, id)).returning();
  return rows[0] ?? null;
}

/** Bumps the card version (a lost card): every QR code printed before is refused from now on. */
export async function bumpCardVersion(db: Db, id: string, now: Date): Promise<number> {
  const rows = await db
    .update(member)
    .set({ cardVersion: sql`${member.cardVersion} + 1`, updatedAt: now })
    .where(eq(member.id, id))
    .returning({ v: member.cardVersion });
  return rows[0]!.v;
}

/**
 * Erases a member's personal data (account deletion): names, e-mail, phone and the link to
 * the account go; the row, its memberships and history stay as anonymous counts.
 */
export async function eraseMember(db: Db, id: string, now: Date): Promise<void> {
  await db
    .update(member)
    .set({
      userId: null,
      firstName: "",
      lastName: "",
      email: null,
      phone: null,
      directoryConsent: false,
      erasedAt: now,
      updatedAt: now,
    })
    .where(eq(member.id, id));
  await db.update(memberEvent).set({ details: {} }).where(eq(memberEvent.memberId, id));
  // A deleted person is no longer a member: the current membership ends today.
  await db
    .update(membership)
    .set({
      suspensionReason: null,
      cancelledAt: sql`coalesce(${membership.cancelledAt}, ${now})`,
      updatedAt: now,
    })
    .where(eq(membership.memberId, id));
  // Payment references often carry the payer's name; amounts and dates stay for the accounts.
  await db
    .update(membershipPayment)
    .set({ reference: "" })
    .where(
      inArray(
        membershipPayment.membershipId,
        db.select({ id: membership.id }).from(membership).where(eq(membership.memberId, id)),
      ),
    );
}

// ---------------------------------------------------------------------------- memberships

/**
 * Join condition picking a member's current membership (as `currentMembership` does: not
 * cancelled first, then the latest applied), for reads that need the member and their
 * standing in one query.
 */
export function isCurrentMembershipOf(memberId: AnyPgColumn) {
  return eq(
    membership.id,
    sql`(select x.id from membership x where x.member_id = ${memberId}
      order by (x.cancelled_at is null) desc, x.applied_at desc limit 1)`,
  );
}

/** `{ membership, tier }` from a row of such a join, or null when there is none. */
export function currentOf(row: {
  membership: MembershipRow | null;
  tier: TierRow | null;
}): { membership: MembershipRow; tier: TierRow } | null {
  return row.membership && row.tier ? { membership: row.membership, tier: row.tier } : null;
}

/** The member's current membership (not cancelled), else the most recent one, with its tier. */
export async function currentMembership(
  db: Db,
  memberId: string,
): Promise<{ membership: MembershipRow; tier: TierRow } | null> {
  const rows = await db
    .select({ membership, tier: membershipTier })
    .from(membership)
    .innerJoin(membershipTier, eq(membershipTier.id, membership.tierId))
    .where(eq(membership.memberId, memberId))
    .orderBy(sql`${membership.cancelledAt} is null desc`, desc(membership.appliedAt))
    .limit(1);
  return rows[0] ?? null;
}

/** Locks a membership row (and returns it with its tier) for a decision in this transaction. */
export async function lockMembership(
  tx: Tx,
  id: string,
): Promise<{ membership: MembershipRow; tier: TierRow } | null> {
  const rows = await tx
    .select({ membership, tier: membershipTier })
    .from(membership)
    .innerJoin(membershipTier, eq(membershipTier.id, membership.tierId))
    .where(eq(membership.id, id))
    .for("update", { of: membership });
  return rows[0] ?? null;
}

export async function insertMembership(
  db: Db,
  row: typeof membership.$inferInsert,
): Promise<MembershipRow> {
  return (await db.insert(membership).values(row).returning())[0]!;
}

export async function updateMembership(
  db: Db,
  id: string,
  patch: Partial<Omit<typeof membership.$inferInsert, "id" | "memberId">>,
): Promise<MembershipRow> {
  return (await db.update(membership).set(patch).where(eq(membership.id, id)).returning())[0]!;
}

export async function insertPayment(
  db: Db,
  row: typeof membershipPayment.$inferInsert,
): Promise<PaymentRow> {
  return (await db.insert(membershipPayment).values(row).returning())[0]!;
}

export async function listPayments(
  db: Db,
  memberId: string,
): Promise<(PaymentRow & { recordedByName: string | null })[]> {
  return db
    .select({
      id: membershipPayment.id,
      membershipId: membershipPayment.membershipId,
      amountCents: membershipPayment.amountCents,
      method: membershipPayment.method,
      reference: membershipPayment.reference,
      paidAt: membershipPayment.paidAt,
      recordedBy: membershipPayment.recordedBy,
      createdAt: membershipPayment.createdAt,
      recordedByName: user.name,
    })
    .from(membershipPayment)
    .innerJoin(membership, eq(membership.id, membershipPayment.membershipId))
    .leftJoin(user, eq(user.id, membershipPayment.recordedBy))
    .where(eq(membership.memberId, memberId))
    .orderBy(desc(membershipPayment.paidAt), desc(membershipPayment.id));
}

export async function addMemberEvent(db: Db, row: typeof memberEvent.$inferInsert): Promise<void> {
  await db.insert(memberEvent).values(row);
}

export async function listMemberEvents(
  db: Db,
  memberId: string,
  limit = 200,
): Promise<(MemberEventRow & { actorName: string | null })[]> {
  const rows = await db
    .select({ event: memberEvent, actorName: user.name })
    .from(memberEvent)
    .leftJoin(user, eq(user.id, memberEvent.actorId))
    .where(eq(memberEvent.memberId, memberId))
    .orderBy(desc(memberEvent.at), desc(memberEvent.id))
    .limit(limit);
  return rows.map((r) => ({ ...r.event, actorName: r.actorName }));
}

// --------------------------------------------------------------------- listing and search

/**
 * The membership status as SQL, for filtering and counting many members at once. It
 * mirrors the domain's `membershipStatusOn` exactly (a property test checks the two agree
 * on random memberships); use the domain function for single decisions.
 */
export function membershipStatusSql(today: string): SQL<MembershipStatus | null> {
  return sql<MembershipStatus | null>`case
    when ms.id is null then null
    when ms.cancelled_at is not null then 'cancelled'
    when ms.suspended_at is not null then 'suspended'
    when mt.requires_approval and ms.approved_at is null then 'pending'
    when mt.fee_cents > 0 and ms.paid_at is null then 'pending'
    when ms.start_date is null or ms.end_date is null or ${today}::date < ms.start_date then 'pending'
    when ${today}::date <= ms.end_date then 'active'
    when ${today}::date <= ms.end_date + mt.grace_days then 'grace'
    else 'expired' end`;
}

export const MEMBER_SORTS = ["name", "memberNumber", "endDate", "joined"] as const;
export type MemberSort = (typeof MEMBER_SORTS)[number];

export interface MemberListFilter {
  q?: string;
  status?: MembershipStatus | "none";
  tierId?: string;
}

export interface MemberListRow {
  memberId: string;
  memberNumber: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  userId: string | null;
  role: string | null;
  tierId: string | null;
  tierName: string | null;
  status: MembershipStatus | null;
  startDate: string | null;
  endDate: string | null;
  joinedAt: Date;
}

/** Escapes LIKE wildcards so a search for "50%" finds "50%", not everything. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function memberListWhere(filter: MemberListFilter, today: string): SQL {
  const parts: SQL[] = [sql`m.erased_at is null`];
  const q = filter.q?.trim();
  if (q) {
    const like = `%${escapeLike(q.toLowerCase())}%`;
    const digits = q.replace(/[\s-]/g, "");
    parts.push(sql`(lower(m.first_name || ' ' || m.last_name) like ${like}
      or lower(m.last_name || m.first_name) like ${like}
      or m.email like ${like}
      ${/^\d+$/.test(digits) ? sql`or m.member_number like ${`${digits}%`}` : sql``})`);
  }
  if (filter.tierId) parts.push(sql`ms.tier_id = ${filter.tierId}`);
  if (filter.status === "none") parts.push(sql`ms.id is null`);
  else if (filter.status) parts.push(sql`${membershipStatusSql(today)} = ${filter.status}`);
  return sql.join(parts, sql` and `);
}

const fromMembers = sql`from member m
  left join lateral (
    select * from membership x where x.member_id = m.id
    order by (x.cancelled_at is null) desc, x.applied_at desc limit 1
  ) ms on true
  left join membership_tier mt on mt.id = ms.tier_id
  left join "user" u on u.id = m.user_id`;

/** One page of members with their current membership, filtered and sorted. */
export async function listMembers(
  db: Db,
  options: MemberListFilter & {
    today: string;
    sort: MemberSort;
    direction: "asc" | "desc";
    limit: number;
    offset: number;
  },
): Promise<{ rows: MemberListRow[]; total: number }> {
  const where = memberListWhere(options, options.today);
  const dir = options.direction === "desc" ? sql`desc` : sql`asc`;
  const order = {
    name: sql`lower(m.last_name) ${dir}, lower(m.first_name) ${dir}, m.id`,
    memberNumber: sql`m.member_number ${dir}`,
    endDate: sql`ms.end_date ${dir} nulls last, m.id`,
    joined: sql`m.created_at ${dir}, m.id`,
  }[options.sort];
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select m.id, m.member_number, m.first_name, m.last_name, m.email, m.phone, m.user_id, u.role,
      ms.tier_id, mt.name as tier_name, ${membershipStatusSql(options.today)} as status,
      ms.start_date::text as start_date, ms.end_date::text as end_date, m.created_at
      ${fromMembers} where ${where} order by ${order} limit ${options.limit} offset ${options.offset}`,
  );
  const [count] = await queryRows<{ n: number | string }>(
    db,
    sql`select count(*)::int as n ${fromMembers} where ${where}`,
  );
  return {
    total: Number(count?.n ?? 0),
    rows: rows.map((r) => ({
      memberId: r.id as string,
      memberNumber: r.member_number as string,
      firstName: r.first_name as string,
      lastName: r.last_name as string,
      email: (r.email as string | null) ?? null,
      phone: (r.phone as string | null) ?? null,
      userId: (r.user_id as string | null) ?? null,
      role: (r.role as string | null) ?? null,
      tierId: (r.tier_id as string | null) ?? null,
      tierName: (r.tier_name as string | null) ?? null,
      status: (r.status as MembershipStatus | null) ?? null,
      startDate: (r.start_date as string | null) ?? null,
      endDate: (r.end_date as string | null) ?? null,
      joinedAt: new Date(r.created_at as string | Date),
    })),
  };
}

/** Everything the import planner needs to know of the current members. */
export async function importContext(db: Db) {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select m.id, m.email, m.first_name, m.last_name, m.phone, m.member_number,
      ms.tier_id, ms.start_date::text as start_date, ms.end_date::text as end_date,
      (u.id is not null and not u.email_verified) as unconfirmed
      ${fromMembers} where m.erased_at is null`,
  );
  return rows.map((r) => ({
    memberId: r.id as string,
    email: (r.email as string | null) ?? "",
    firstName: r.first_name as string,
    lastName: r.last_name as string,
    phone: (r.phone as string | null) ?? null,
    memberNumber: r.member_number as string,
    tierId: (r.tier_id as string | null) ?? null,
    startDate: (r.start_date as string | null) ?? null,
    endDate: (r.end_date as string | null) ?? null,
    unconfirmedAccount: r.unconfirmed === true,
  }));
}

/** Memberships ending between two dates (inclusive) that are running: expiry reminder candidates. */
export async function membershipsEndingBetween(
  db: Db,
  from: string,
  to: string,
): Promise<{ membership: MembershipRow; tier: TierRow; member: MemberRow }[]> {
  return db
    .select({ membership, tier: membershipTier, member })
    .from(membership)
    .innerJoin(membershipTier, eq(membershipTier.id, membership.tierId))
    .innerJoin(member, eq(member.id, membership.memberId))
    .where(
      and(
        sql`${membership.endDate} between ${from} and ${to}`,
        isNull(membership.cancelledAt),
        isNull(membership.suspendedAt),
        isNull(member.erasedAt),
      ),
    );
}

/**
 * Links the member imported with this e-mail (and no account yet) to the account. Only for
 * accounts whose e-mail is verified: otherwise anyone could claim another's membership by
 * signing up with their address. Returns the linked member id, if any.
 */
export async function linkImportedMember(
  db: Db,
  userId: string,
  email: string,
  now: Date,
): Promise<string | null> {
  const rows = await db
    .update(member)
    .set({ userId, updatedAt: now })
    .where(
      and(eq(member.email, email.toLowerCase()), isNull(member.userId), isNull(member.erasedAt)),
    )
    .returning({ id: member.id });
  const linked = rows[0]?.id ?? null;
  if (linked) {
    await addMemberEvent(db, {
      memberId: linked,
      kind: "account_linked",
      at: now,
      actorId: userId,
    });
    await db.insert(auditLog).values({
      actorId: userId,
      actorKind: "member",
      action: "member.link",
      targetType: "member",
      targetId: linked,
      at: now,
    });
  }
  return linked;
}

/**
 * Keeps the member's address equal to the account's after a confirmed change. When another
 * member already has that address (an imported record), the member keeps its old one rather
 * than fail the account change; organizers see both in the member list.
 */
export async function syncMemberEmail(
  db: Database,
  userId: string,
  email: string,
  now: Date,
): Promise<void> {
  const lower = email.toLowerCase();
  const taken = await db
    .select({ id: member.id, userId: member.userId })
    .from(member)
    .where(eq(member.email, lower));
  if (taken.some((m) => m.userId !== userId)) return;
  await db.update(member).set({ email: lower, updatedAt: now }).where(eq(member.userId, userId));
}
