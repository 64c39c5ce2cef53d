// Accounts as the API sees them (better-auth owns their creation and passwords).
import { and, asc, count, eq, or, sql } from "drizzle-orm";
import type { Database, Tx } from "../client.ts";
import {
  account,
  activity,
  auditLog,
  member,
  memberEvent,
  membership,
  membershipPayment,
  membershipTier,
  notification,
  outbox,
  registration,
  user,
} from "../schema/index.ts";
import { escapeLike } from "./members.ts";

export type UserRow = typeof user.$inferSelect;

export async function getUserById(db: Database | Tx, id: string): Promise<UserRow | null> {
  const rows = await db.select().from(user).where(eq(user.id, id));
  return rows[0] ?? null;
}

export async function findUserByEmail(db: Database | Tx, email: string): Promise<UserRow | null> {
  const rows = await db.select().from(user).where(eq(user.email, email.toLowerCase()));
  return rows[0] ?? null;
}

export async function setUserRole(
  db: Database | Tx,
  id: string,
  role: string,
): Promise<UserRow | null> {
  const rows = await db.update(user).set({ role }).where(eq(user.id, id)).returning();
  return rows[0] ?? null;
}

export async function setUserLocale(db: Database | Tx, id: string, locale: string): Promise<void> {
  await db.update(user).set({ locale }).where(eq(user.id, id));
}

export async function countUsers(db: Database | Tx): Promise<number> {
  const rows = await db.select({ n: count() }).from(user);
  return rows[0]!.n;
}

/**
 * Creates an account with an e-mail + password credential in the caller's transaction
 * (first-start admin, demo data, CSV import). The hash comes from better-auth's hasher so
 * that better-auth can verify it at sign-in.
 */
export async function insertUserWithPassword(
  tx: Database | Tx,
  input: {
    id: string;
    name: string;
    email: string;
    role: string;
    locale?: string;
    passwordHash: string;
  },
): Promise<void> {
  const now = new Date();
  await tx.insert(user).values({
    id: input.id,
    name: input.name,
    email: input.email.toLowerCase(),
    emailVerified: false,
    role: input.role,
    locale: input.locale ?? "en",
    createdAt: now,
    updatedAt: now,
  });
  await tx.insert(account).values({
    id: `cred_${input.id}`,
    accountId: input.id,
    providerId: "credential",
    userId: input.id,
    password: input.passwordHash,
    createdAt: now,
    updatedAt: now,
  });
}

/** Accounts for the admin's role management, with their member number if they are members. */
export async function listUsers(
  db: Database | Tx,
  options: { q?: string; role?: string; limit: number; offset: number },
): Promise<{
  rows: {
    userId: string;
    name: string;
    email: string;
    role: string;
    createdAt: Date;
    memberNumber: string | null;
  }[];
  total: number;
}> {
  const q = options.q?.trim().toLowerCase();
  const like = q ? `%${escapeLike(q)}%` : null;
  const where = and(
    like ? or(sql`lower(${user.name}) like ${like}`, sql`${user.email} like ${like}`) : undefined,
    options.role ? eq(user.role, options.role) : undefined,
  );
  const rows = await db
    .select({
      userId: user.id,
      name: user.name,
      email: user.email,
      role: user.role,
      createdAt: user.createdAt,
      memberNumber: member.memberNumber,
    })
    .from(user)
    .leftJoin(member, eq(member.userId, user.id))
    .where(where)
    .orderBy(asc(sql`lower(${user.name})`), asc(user.id))
    .limit(options.limit)
    .offset(options.offset);
  const [counted] = await db.select({ n: count() }).from(user).where(where);
  return { rows, total: counted?.n ?? 0 };
}

export async function updateUserName(
  db: Database | Tx,
  id: string,
  name: string,
  now: Date,
): Promise<void> {
  await db.update(user).set({ name, updatedAt: now }).where(eq(user.id, id));
}

/**
 * Deletes an account: its sessions, credentials and in-app notifications go by cascade;
 * queued messages to it (which hold its e-mail address) are deleted here.
 */
export async function deleteUserAccount(
  db: Database | Tx,
  id: string,
  email: string,
): Promise<void> {
  await db.delete(outbox).where(or(eq(outbox.userId, id), eq(outbox.toEmail, email.toLowerCase())));
  // Guest registrations made with this address keep their seats in the counts, not the person.
  await db
    .update(registration)
    .set({ guestName: null, guestEmail: null })
    .where(eq(registration.guestEmail, email.toLowerCase()));
  await db.delete(user).where(eq(user.id, id));
}

/** Everything stored about one account, for "download my data". */
export async function personalDataOf(db: Database | Tx, userId: string) {
  const [account] = await db
    .select({
      name: user.name,
      email: user.email,
      role: user.role,
      locale: user.locale,
      createdAt: user.createdAt,
    })
    .from(user)
    .where(eq(user.id, userId));
  const [m] = await db.select().from(member).where(eq(member.userId, userId));
  const memberships = m
    ? await db
        .select({ membership, tierName: membershipTier.name })
        .from(membership)
        .innerJoin(membershipTier, eq(membershipTier.id, membership.tierId))
        .where(eq(membership.memberId, m.id))
    : [];
  const payments = m
    ? await db
        .select({
          amountCents: membershipPayment.amountCents,
          method: membershipPayment.method,
          reference: membershipPayment.reference,
          paidAt: membershipPayment.paidAt,
        })
        .from(membershipPayment)
        .innerJoin(membership, eq(membership.id, membershipPayment.membershipId))
        .where(eq(membership.memberId, m.id))
    : [];
  const history = m
    ? await db
        .select({ kind: memberEvent.kind, at: memberEvent.at, details: memberEvent.details })
        .from(memberEvent)
        .where(eq(memberEvent.memberId, m.id))
    : [];
  const registrations = await db
    .select({
      activity: activity.title,
      startsAt: activity.startsAt,
      status: registration.status,
      partySize: registration.partySize,
      registeredAt: registration.createdAt,
      cancelledAt: registration.cancelledAt,
      lateCancellation: registration.lateCancellation,
      checkedInAt: registration.checkedInAt,
      asGuest: sql<boolean>`${registration.memberId} is null`,
    })
    .from(registration)
    .innerJoin(activity, eq(activity.id, registration.activityId))
    .where(
      or(
        m ? eq(registration.memberId, m.id) : undefined,
        account ? eq(registration.guestEmail, account.email.toLowerCase()) : undefined,
      ),
    );
  const notifications = await db
    .select({
      kind: notification.kind,
      payload: notification.payload,
      createdAt: notification.createdAt,
      readAt: notification.readAt,
    })
    .from(notification)
    .where(eq(notification.userId, userId));
  return {
    account: account ?? null,
    member: m
      ? {
          memberNumber: m.memberNumber,
          firstName: m.firstName,
          lastName: m.lastName,
          email: m.email,
          phone: m.phone,
          directoryConsent: m.directoryConsent,
          cardVersion: m.cardVersion,
          joinedAt: m.createdAt,
        }
      : null,
    memberships: memberships.map((r) => ({
      tier: r.tierName,
      appliedAt: r.membership.appliedAt,
      approvedAt: r.membership.approvedAt,
      paidAt: r.membership.paidAt,
      startDate: r.membership.startDate,
      endDate: r.membership.endDate,
      suspendedAt: r.membership.suspendedAt,
      suspensionReason: r.membership.suspensionReason,
      cancelledAt: r.membership.cancelledAt,
    })),
    payments,
    history,
    registrations,
    notifications,
  };
}

/** Locks every admin row: who remains admin is decided by one transaction at a time. */
export async function lockAdmins(tx: Tx): Promise<string[]> {
  const rows = await tx
    .select({ id: user.id })
    .from(user)
    .where(eq(user.role, "admin"))
    .for("update");
  return rows.map((r) => r.id);
}

/** Forgets the network addresses recorded for a person's own actions (account deletion). */
export async function forgetAuditAddresses(db: Database | Tx, userId: string): Promise<void> {
  await db.update(auditLog).set({ ip: null }).where(eq(auditLog.actorId, userId));
}
