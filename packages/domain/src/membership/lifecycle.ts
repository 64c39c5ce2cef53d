/** Membership lifecycle decisions: apply, approve, activate, suspend, reinstate, leave. */
import type { CalendarDate } from "../shared/calendar.js";
import { err, ok, type Refusal, type Result } from "../shared/result.js";
import { type MembershipFacts, membershipStatusOn } from "./membership.js";
import { type Tier, termEndDate } from "./tier.js";

/** A membership period: first and last day, inclusive. */
export interface MembershipPeriod {
  readonly startDate: CalendarDate;
  readonly endDate: CalendarDate;
}

/** The tier settings lifecycle decisions read. */
export type LifecycleTier = Pick<Tier, "term" | "graceDays" | "requiresApproval" | "feeCents">;

/** Refusals of {@link decideMembershipApplication}. */
export type MembershipApplicationRefusal =
  | Refusal<"ALREADY_MEMBER">
  | Refusal<"MEMBERSHIP_SUSPENDED">;

/** What happens next after an accepted application. */
export interface ApplicationDecision {
  /** An organizer must approve before the membership starts. */
  readonly requiresApproval: boolean;
  /** A fee must be recorded before the membership starts. */
  readonly requiresPayment: boolean;
  /** Set when nothing is needed: the membership starts today with this period. */
  readonly period: MembershipPeriod | null;
}

/**
 * Decides an application. Refused while the person already holds a pending, active or
 * grace membership (`ALREADY_MEMBER`) or a suspended one (`MEMBERSHIP_SUSPENDED`);
 * expired and cancelled members may apply again.
 */
export function decideMembershipApplication(input: {
  /** The applicant's latest membership and its tier, if any. */
  readonly current: { readonly membership: MembershipFacts; readonly tier: LifecycleTier } | null;
  readonly tier: LifecycleTier;
  readonly today: CalendarDate;
}): Result<ApplicationDecision, MembershipApplicationRefusal> {
  if (input.current) {
    const status = membershipStatusOn(input.current.membership, input.current.tier, input.today);
    if (status === "suspended") {
      return err("MEMBERSHIP_SUSPENDED", "A suspended member cannot apply again.");
    }
    if (status === "pending" || status === "active" || status === "grace") {
      return err("ALREADY_MEMBER", "There is already a current membership.");
    }
  }
  const requiresApproval = input.tier.requiresApproval;
  const requiresPayment = input.tier.feeCents > 0;
  return ok({
    requiresApproval,
    requiresPayment,
    period: requiresApproval || requiresPayment ? null : periodStartingOn(input.tier, input.today),
  });
}

/** The period of a membership starting on `startDate` in `tier`. */
export function periodStartingOn(
  tier: Pick<Tier, "term">,
  startDate: CalendarDate,
): MembershipPeriod {
  return { startDate, endDate: termEndDate(tier.term, startDate) };
}

/**
 * The period to set once a membership is both approved (if the tier requires it) and paid
 * (if it has a fee), or `null` when it is not ready or already has a period. Call it after
 * recording an approval or a payment.
 */
export function activationPeriod(
  membership: MembershipFacts,
  tier: LifecycleTier,
  today: CalendarDate,
): MembershipPeriod | null {
  if (membership.startDate !== null || membership.cancelledAt || membership.suspendedAt)
    return null;
  if (tier.requiresApproval && !membership.approvedAt) return null;
  if (tier.feeCents > 0 && !membership.paidAt) return null;
  return periodStartingOn(tier, today);
}

/** Refusals of {@link decideMembershipApproval}. */
export type MembershipApprovalRefusal = Refusal<"MEMBERSHIP_NOT_PENDING">;

/**
 * Decides an organizer's approval. Only a membership waiting for approval can be approved.
 * The value is the period to set now, or `null` while the fee is still unpaid.
 */
export function decideMembershipApproval(input: {
  readonly membership: MembershipFacts;
  readonly tier: LifecycleTier;
  readonly now: Date;
  readonly today: CalendarDate;
}): Result<{ readonly period: MembershipPeriod | null }, MembershipApprovalRefusal> {
  const { membership, tier, today } = input;
  if (
    membership.approvedAt ||
    membership.cancelledAt ||
    membership.suspendedAt ||
    membership.startDate !== null
  ) {
    return err("MEMBERSHIP_NOT_PENDING", "This membership is not waiting for approval.");
  }
  return ok({ period: activationPeriod({ ...membership, approvedAt: input.now }, tier, today) });
}

/** Refusals of {@link decideSuspension}. */
export type SuspensionRefusal = Refusal<"ALREADY_SUSPENDED"> | Refusal<"MEMBERSHIP_CANCELLED">;

/** Decides a suspension (with a reason recorded by the caller). */
export function decideSuspension(
  membership: Pick<MembershipFacts, "suspendedAt" | "cancelledAt">,
): Result<true, SuspensionRefusal> {
  if (membership.cancelledAt) {
    return err("MEMBERSHIP_CANCELLED", "A cancelled membership cannot be suspended.");
  }
  if (membership.suspendedAt)
    return err("ALREADY_SUSPENDED", "The membership is already suspended.");
  return ok(true);
}

/** Refusals of {@link decideLeaving}. */
export type LeavingRefusal = Refusal<"MEMBERSHIP_CANCELLED">;

/**
 * Decides a member leaving the association. Anyone who has not left yet may leave, even
 * while suspended (the suspension stays on record); books on loan must still come home.
 */
export function decideLeaving(
  membership: Pick<MembershipFacts, "cancelledAt">,
): Result<true, LeavingRefusal> {
  if (membership.cancelledAt) return err("MEMBERSHIP_CANCELLED", "The member has already left.");
  return ok(true);
}

/** Refusals of {@link decideReinstatement}. */
export type ReinstatementRefusal = Refusal<"NOT_SUSPENDED">;

/** Decides lifting a suspension; the status is then computed from the dates again. */
export function decideReinstatement(
  membership: Pick<MembershipFacts, "suspendedAt" | "cancelledAt">,
): Result<true, ReinstatementRefusal> {
  if (!membership.suspendedAt || membership.cancelledAt) {
    return err("NOT_SUSPENDED", "The membership is not suspended.");
  }
  return ok(true);
}
