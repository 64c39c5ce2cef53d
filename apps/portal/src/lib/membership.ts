// What the membership page tells a member before they act, from the same domain rules the
// API applies: the period a renewal would give, or the day renewal opens.
import { decideMembershipRenewal, type MembershipFacts, type Term } from "@readers/domain";
import type { MemberRecord } from "../session.tsx";

export type MembershipView = NonNullable<MemberRecord["membership"]>;

export type RenewalPreview =
  | { kind: "ready"; endDate: string }
  | { kind: "tooEarly"; opensOn: string }
  | { kind: "unavailable" };

/**
 * The membership facts behind a view. The view says "suspended" or "cancelled" rather
 * than when; the rule only asks whether, so the application instant stands in.
 */
function factsOf(view: MembershipView): MembershipFacts {
  const since = new Date(view.appliedAt);
  return {
    approvedAt: view.approvedAt ? new Date(view.approvedAt) : null,
    paidAt: view.paidAt ? new Date(view.paidAt) : null,
    startDate: view.startDate,
    endDate: view.endDate,
    suspendedAt: view.status === "suspended" ? since : null,
    cancelledAt: view.status === "cancelled" ? since : null,
  };
}

/** What renewing today would do, per decideMembershipRenewal. The server decides again. */
export function renewalPreview(
  view: MembershipView,
  tier: { term: Term; graceDays: number },
  today: string,
): RenewalPreview {
  const result = decideMembershipRenewal({
    membership: factsOf(view),
    tier: {
      term: tier.term,
      graceDays: tier.graceDays,
      requiresApproval: view.requiresApproval,
      feeCents: view.feeCents,
    },
    today,
  });
  if (result.ok) return { kind: "ready", endDate: result.value.endDate };
  if (result.code === "RENEWAL_TOO_EARLY") return { kind: "tooEarly", opensOn: result.opensOn };
  return { kind: "unavailable" };
}
