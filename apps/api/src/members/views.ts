// What the API shows of a member and a membership: the stored facts plus what the domain
// computes from them (status, privileges, when renewal opens), with dates as strings.
import type { MemberRow, MembershipRow, TierRow } from "@readers/db";
import { toTier } from "@readers/db";
import {
  dateInZone,
  decideMembershipRenewal,
  formatMemberNumber,
  type MembershipFacts,
  membershipStatusOn,
  privilegesFor,
} from "@readers/domain";

/** The domain's view of a stored membership. */
export function facts(row: MembershipRow): MembershipFacts {
  return {
    approvedAt: row.approvedAt,
    paidAt: row.paidAt,
    startDate: row.startDate,
    endDate: row.endDate,
    suspendedAt: row.suspendedAt,
    cancelledAt: row.cancelledAt,
  };
}

/** "Today" in the association's time zone. */
export function todayIn(now: Date, timezone: string): string {
  return dateInZone(now, timezone);
}

export function membershipView(row: MembershipRow, tierRow: TierRow, today: string) {
  const tier = toTier(tierRow);
  const status = membershipStatusOn(facts(row), tier, today);
  const renewal = decideMembershipRenewal({ membership: facts(row), tier, today });
  return {
    id: row.id,
    tierId: tier.id,
    tierName: tier.name,
    feeCents: tier.feeCents,
    requiresApproval: tier.requiresApproval,
    status,
    startDate: row.startDate,
    endDate: row.endDate,
    appliedAt: row.appliedAt.toISOString(),
    approvedAt: row.approvedAt?.toISOString() ?? null,
    paidAt: row.paidAt?.toISOString() ?? null,
    suspensionReason: row.suspensionReason,
    /** null when renewal is open now or not possible; a date when it opens later. */
    renewalOpensOn: !renewal.ok && renewal.code === "RENEWAL_TOO_EARLY" ? renewal.opensOn : null,
    canRenew: renewal.ok,
    privileges: privilegesFor(status),
  };
}

export type MembershipView = ReturnType<typeof membershipView>;

export function memberView(row: MemberRow) {
  return {
    id: row.id,
    memberNumber: row.memberNumber,
    memberNumberFormatted: formatMemberNumber(row.memberNumber),
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email,
    phone: row.phone,
    directoryConsent: row.directoryConsent,
    cardVersion: row.cardVersion,
    userId: row.userId,
    joinedAt: row.createdAt.toISOString(),
  };
}

export function tierView(row: TierRow) {
  return toTier(row);
}
