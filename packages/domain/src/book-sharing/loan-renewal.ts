/** Renewing a loan: not past `maxRenewals`, not when someone waits, not when overdue. */
import type { MembershipStatus } from "../membership/membership.js";
import { privilegesFor } from "../membership/privileges.js";
import { addDays, type CalendarDate } from "../shared/calendar.js";
import { err, ok, type Refusal, type Result } from "../shared/result.js";
import { isOverdue, loanPeriodDays } from "./due-date.js";
import type { Loan, LoanState } from "./loan.js";

/** Refusals of {@link decideLoanRenewal}. */
export type LoanRenewalRefusal =
  | Refusal<"LOAN_MOVE_INVALID", { state: LoanState; move: "renew" }>
  | Refusal<"LOAN_MOVE_FORBIDDEN">
  | Refusal<"MEMBERSHIP_INACTIVE", { membershipStatus: MembershipStatus }>
  | Refusal<"RENEWAL_LIMIT_REACHED", { maxRenewals: number }>
  | Refusal<"COPY_QUEUED">
  | Refusal<"LOAN_OVERDUE">;

/** A renewal: the new due date and renewal count. */
export interface LoanRenewalDecision {
  readonly dueDate: CalendarDate;
  readonly renewals: number;
}

/**
 * Decides a borrower's renewal of a loan on loan. Refused when not on loan, not the
 * borrower, membership not allowing renewals (suspended, expired…), renewals ≥
 * `maxRenewals`, someone queued for the copy, or the loan overdue. The new due date is
 * the old one plus the loan period, so a renewal never shortens a loan.
 */
export function decideLoanRenewal(input: {
  readonly loan: Pick<Loan, "state" | "dueDate" | "renewals" | "borrowerId">;
  readonly memberId: string;
  readonly membershipStatus: MembershipStatus;
  /** Borrower's tier settings. */
  readonly tier: { readonly maxRenewals: number; readonly loanDays: number };
  /** The owner's loan days for the copy, if set. */
  readonly copyLoanDays: number | null;
  /** Members queued for the copy. */
  readonly queueLength: number;
  readonly today: CalendarDate;
}): Result<LoanRenewalDecision, LoanRenewalRefusal> {
  const { loan, tier } = input;
  if (loan.state !== "on_loan" || loan.dueDate === null) {
    return err("LOAN_MOVE_INVALID", `Cannot renew a loan that is ${loan.state}.`, {
      state: loan.state,
      move: "renew" as const,
    });
  }
  if (input.memberId !== loan.borrowerId) {
    return err("LOAN_MOVE_FORBIDDEN", "Only the borrower renews a loan.");
  }
  if (!privilegesFor(input.membershipStatus).renewLoans) {
    return err("MEMBERSHIP_INACTIVE", "Renewing needs an active membership.", {
      membershipStatus: input.membershipStatus,
    });
  }
  if (loan.renewals >= tier.maxRenewals) {
    return err("RENEWAL_LIMIT_REACHED", "This loan cannot be renewed again.", {
      maxRenewals: tier.maxRenewals,
    });
  }
  if (input.queueLength > 0) return err("COPY_QUEUED", "Someone is waiting for this copy.");
  if (isOverdue(loan, input.today))
    return err("LOAN_OVERDUE", "An overdue loan cannot be renewed.");
  return ok({
    dueDate: addDays(loan.dueDate, loanPeriodDays(tier.loanDays, input.copyLoanDays)),
    renewals: loan.renewals + 1,
  });
}
