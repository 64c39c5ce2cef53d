/** Membership renewal: extend from active or grace, restart from expired, never too early. */
import { addDays, type CalendarDate } from "../shared/calendar.js";
import { err, ok, type Refusal, type Result } from "../shared/result.js";
import { type MembershipFacts, type MembershipStatus, membershipStatusOn } from "./membership.js";
import { DEFAULT_MEMBERSHIP_SETTINGS } from "./settings.js";
import { type Tier, termEndDate } from "./tier.js";

/** A new membership period decided by {@link decideMembershipRenewal}. */
export interface RenewedPeriod {
  readonly startDate: CalendarDate;
  readonly endDate: CalendarDate;
  /** Status the membership was in when renewed. */
  readonly renewedFrom: "active" | "grace" | "expired";
}

/** Refusals of {@link decideMembershipRenewal}. */
export type MembershipRenewalRefusal =
  | Refusal<"RENEWAL_TOO_EARLY", { opensOn: CalendarDate }>
  | Refusal<"MEMBERSHIP_PENDING">
  | Refusal<"MEMBERSHIP_SUSPENDED">
  | Refusal<"MEMBERSHIP_CANCELLED">;

/** Input of {@link decideMembershipRenewal}. */
export interface MembershipRenewalInput {
  readonly membership: MembershipFacts;
  /** The tier renewed into (may differ from the current one). */
  readonly tier: Pick<Tier, "term" | "graceDays" | "requiresApproval" | "feeCents">;
  /** Today in the association's time zone. */
  readonly today: CalendarDate;
  readonly settings?: { readonly renewalWindowDays: number };
}

/**
 * Decides a renewal.
 *
 * From `active` or `grace` the period is extended: the new end is the end of a full term
 * starting the day after the old end (a fixed term moves to the next fixed end). From
 * `expired` a new period starts today. Renewal opens `renewalWindowDays` (60) before the
 * end date. The new end date is always later than the old one.
 *
 * @example
 * decideMembershipRenewal({ membership, tier, today: "2025-08-01" })
 * // { ok: true, value: { startDate: "2024-09-01", endDate: "2026-08-31", renewedFrom: "active" } }
 */
export function decideMembershipRenewal(
  input: MembershipRenewalInput,
): Result<RenewedPeriod, MembershipRenewalRefusal> {
  const { membership, tier, today } = input;
  const windowDays =
    input.settings?.renewalWindowDays ?? DEFAULT_MEMBERSHIP_SETTINGS.renewalWindowDays;
  const status: MembershipStatus = membershipStatusOn(membership, tier, today);
  switch (status) {
    case "cancelled":
      return err("MEMBERSHIP_CANCELLED", "A cancelled membership cannot be renewed; apply again.");
    case "suspended":
      return err("MEMBERSHIP_SUSPENDED", "A suspended membership cannot be renewed.");
    case "pending":
      return err("MEMBERSHIP_PENDING", "The membership has not started yet.");
    case "expired":
      return ok({ startDate: today, endDate: termEndDate(tier.term, today), renewedFrom: status });
    case "active":
    case "grace": {
      // Both dates are set in these statuses (membershipStatusOn guarantees it).
      const startDate = membership.startDate as CalendarDate;
      const endDate = membership.endDate as CalendarDate;
      const opensOn = addDays(endDate, -windowDays);
      if (today < opensOn) {
        return err("RENEWAL_TOO_EARLY", `Renewal opens on ${opensOn}.`, { opensOn });
      }
      return ok({
        startDate,
        endDate: termEndDate(tier.term, addDays(endDate, 1)),
        renewedFrom: status,
      });
    }
  }
}
