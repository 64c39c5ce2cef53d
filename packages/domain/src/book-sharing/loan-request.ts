/** Who may request a copy (DESIGN §2.4 "May request"). */
import type { MembershipStatus } from "../membership/membership.js";
import { privilegesFor } from "../membership/privileges.js";
import type { CalendarDate } from "../shared/calendar.js";
import { err, ok, type Refusal, type Result } from "../shared/result.js";
import { type Copy, isCopyListed, isOwnCopy } from "./book.js";
import { isOverdue } from "./due-date.js";
import type { LoanState } from "./loan.js";
import { meetsTrust } from "./trust.js";

/** One of the borrower's open loans, as the eligibility rules read it. */
export interface BorrowerLoan {
  readonly copyId: string;
  readonly state: LoanState;
  readonly dueDate: CalendarDate | null;
}

/** What the rules need to know about the member asking. */
export interface BorrowerState {
  readonly memberId: string;
  readonly membershipStatus: MembershipStatus;
  /** Successful returns (see `trustScore`). */
  readonly trust: number;
  /** The tier's `loanLimit`. */
  readonly loanLimit: number;
  /** The member's open loans (`requested`, `accepted`, `on_loan`); others are ignored. */
  readonly loans: readonly BorrowerLoan[];
  /** Copies the member is queued for. */
  readonly queuedCopyIds: readonly string[];
}

/** The copy fields the rules read. */
export type RequestedCopy = Pick<
  Copy,
  "id" | "owner" | "custodian" | "visible" | "withdrawnAt" | "minTrust"
>;

/** Accepted loans and loans on loan: what the loan limit counts. */
export function committedLoanCount(loans: readonly { readonly state: LoanState }[]): number {
  return loans.filter((loan) => loan.state === "accepted" || loan.state === "on_loan").length;
}

/** `true` when any of the loans is overdue on `today`. */
export function hasOverdueLoan(
  loans: readonly { readonly state: LoanState; readonly dueDate: CalendarDate | null }[],
  today: CalendarDate,
): boolean {
  return loans.some((loan) => isOverdue(loan, today));
}

/** An accepted request: the state the new loan starts in. */
export interface LoanRequestDecision {
  /**
   * `requested` for a peer copy (the owner answers); `accepted` for a shelf copy, which
   * is offered for pickup at once.
   */
  readonly state: "requested" | "accepted";
}

/** Refusals of {@link decideLoanRequest}. */
export type LoanRequestRefusal =
  | Refusal<"MEMBERSHIP_INACTIVE", { membershipStatus: MembershipStatus }>
  | Refusal<"OWN_COPY">
  | Refusal<"ALREADY_REQUESTED">
  | Refusal<"COPY_UNAVAILABLE", { canQueue: boolean }>
  | Refusal<"HAS_OVERDUE">
  | Refusal<"TRUST_TOO_LOW", { minTrust: number }>
  | Refusal<"LOAN_LIMIT_REACHED", { loanLimit: number }>;

/** Input of {@link decideLoanRequest}. */
export interface LoanRequestInput {
  readonly borrower: BorrowerState;
  readonly copy: RequestedCopy;
  /** Another member holds an open loan on the copy. */
  readonly copyBusy: boolean;
  /** Today in the association's time zone. */
  readonly today: CalendarDate;
}

/**
 * Decides a loan request. Checks, in order: membership active (`MEMBERSHIP_INACTIVE`;
 * grace allows no new requests), not one's own copy, no open loan or queue place on that
 * copy already (`ALREADY_REQUESTED`), copy listed and free (`COPY_UNAVAILABLE`, with
 * `canQueue` when it is only busy), no overdue loan (`HAS_OVERDUE`), trust ≥ the copy's
 * `minTrust`, and accepted + on-loan loans below `loanLimit`. Call it in the transaction
 * that locks the copy row.
 *
 * @example
 * decideLoanRequest({ borrower, copy, copyBusy: false, today: "2025-03-01" })
 * // { ok: true, value: { state: "requested" } }
 */
export function decideLoanRequest(
  input: LoanRequestInput,
): Result<LoanRequestDecision, LoanRequestRefusal> {
  const { borrower, copy, today } = input;
  if (!privilegesFor(borrower.membershipStatus).requestLoans) {
    return err("MEMBERSHIP_INACTIVE", "Borrowing needs an active membership.", {
      membershipStatus: borrower.membershipStatus,
    });
  }
  if (isOwnCopy(copy, borrower.memberId)) return err("OWN_COPY", "This is your own copy.");
  if (
    borrower.loans.some((loan) => loan.copyId === copy.id) ||
    borrower.queuedCopyIds.includes(copy.id)
  ) {
    return err("ALREADY_REQUESTED", "You already asked for this copy.");
  }
  if (!isCopyListed(copy) || input.copyBusy) {
    return err("COPY_UNAVAILABLE", "This copy is not available.", {
      canQueue: isCopyListed(copy) && input.copyBusy,
    });
  }
  if (hasOverdueLoan(borrower.loans, today)) {
    return err("HAS_OVERDUE", "Return your overdue book first.");
  }
  if (!meetsTrust(borrower.trust, copy.minTrust)) {
    return err("TRUST_TOO_LOW", "The owner asks for more successful returns.", {
      minTrust: copy.minTrust as number,
    });
  }
  if (committedLoanCount(borrower.loans) >= borrower.loanLimit) {
    return err("LOAN_LIMIT_REACHED", "You have reached your loan limit.", {
      loanLimit: borrower.loanLimit,
    });
  }
  return ok({ state: copy.custodian.kind === "shelf" ? "accepted" : "requested" });
}
