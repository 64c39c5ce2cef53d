/** Memberships and their computed status (never stored, so never stale). */
import { z } from "zod";
import { addDays, type CalendarDate } from "../shared/calendar.js";
import { REASON_MAX_LENGTH } from "../shared/limits.js";
import { CalendarDateSchema, IdSchema, InstantSchema } from "../shared/schemas.js";
import { dateInZone } from "../shared/time-zone.js";
import type { Tier } from "./tier.js";

/** Every computed membership status. */
export const MEMBERSHIP_STATUSES = [
  "pending",
  "active",
  "grace",
  "expired",
  "suspended",
  "cancelled",
] as const;

/** A computed membership status. */
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

/**
 * A membership as stored: facts only (applied, approved, paid, period, suspension,
 * cancellation). Its status is computed by {@link membershipStatus}.
 */
export const MembershipSchema = z
  .object({
    id: IdSchema,
    memberId: IdSchema,
    tierId: IdSchema,
    appliedAt: InstantSchema,
    approvedAt: InstantSchema.nullable().default(null),
    paidAt: InstantSchema.nullable().default(null),
    /** First day of the current period; null until the membership is activated. */
    startDate: CalendarDateSchema.nullable().default(null),
    /** Last day (inclusive) of the current period. */
    endDate: CalendarDateSchema.nullable().default(null),
    suspendedAt: InstantSchema.nullable().default(null),
    suspensionReason: z.string().trim().max(REASON_MAX_LENGTH).nullable().default(null),
    cancelledAt: InstantSchema.nullable().default(null),
  })
  .refine((m) => (m.startDate === null) === (m.endDate === null), {
    message: "startDate and endDate are set together",
    path: ["endDate"],
  })
  .refine((m) => m.startDate === null || m.endDate === null || m.startDate <= m.endDate, {
    message: "endDate is before startDate",
    path: ["endDate"],
  });

/** A membership (parsed). */
export type Membership = z.output<typeof MembershipSchema>;

/** The membership facts {@link membershipStatusOn} reads. */
export type MembershipFacts = Pick<
  Membership,
  "approvedAt" | "paidAt" | "startDate" | "endDate" | "suspendedAt" | "cancelledAt"
>;

/** The tier settings {@link membershipStatusOn} reads. */
export type StatusTier = Pick<Tier, "graceDays" | "requiresApproval" | "feeCents">;

/**
 * Status of a membership on the calendar date `today` (already in the association's zone).
 *
 * Precedence: `cancelled`, `suspended`, `pending` (not approved when the tier requires it,
 * fee not paid, no period yet, or period not started), then by date: `active`
 * (start ≤ today ≤ end), `grace` (end < today ≤ end + graceDays), `expired`.
 */
export function membershipStatusOn(
  membership: MembershipFacts,
  tier: StatusTier,
  today: CalendarDate,
): MembershipStatus {
  if (membership.cancelledAt) return "cancelled";
  if (membership.suspendedAt) return "suspended";
  if (tier.requiresApproval && !membership.approvedAt) return "pending";
  if (tier.feeCents > 0 && !membership.paidAt) return "pending";
  const { startDate, endDate } = membership;
  if (startDate === null || endDate === null || today < startDate) return "pending";
  if (today <= endDate) return "active";
  if (today <= addDays(endDate, tier.graceDays)) return "grace";
  return "expired";
}

/**
 * Status of a membership at instant `now`, "today" being taken in the association's
 * `timeZone` (IANA name, e.g. `"Asia/Shanghai"`).
 *
 * @example membershipStatus(membership, tier, now, "Europe/Paris") // "active"
 */
export function membershipStatus(
  membership: MembershipFacts,
  tier: StatusTier,
  now: Date,
  timeZone: string,
): MembershipStatus {
  return membershipStatusOn(membership, tier, dateInZone(now, timeZone));
}
