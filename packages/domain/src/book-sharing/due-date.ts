/** Due dates and overdue days of loans. */
import { addDays, type CalendarDate, daysBetween } from "../shared/calendar.js";
import { dateInZone } from "../shared/time-zone.js";

/**
 * Loan period in days: the owner's loan days capped by the borrower's tier `loanDays`
 * (`min(owner, tier)`); the tier's alone when the owner set none.
 */
export function loanPeriodDays(tierLoanDays: number, copyLoanDays: number | null): number {
  return copyLoanDays === null ? tierLoanDays : Math.min(copyLoanDays, tierLoanDays);
}

/**
 * Due date of a loan handed over at `handedOverAt`: the hand-over's calendar date in the
 * association's zone plus the loan period.
 *
 * @example loanDueDate(new Date("2025-03-01T10:00:00Z"), "Europe/Paris", 21, 14) // "2025-03-15"
 */
export function loanDueDate(
  handedOverAt: Date,
  timeZone: string,
  tierLoanDays: number,
  copyLoanDays: number | null,
): CalendarDate {
  return addDays(dateInZone(handedOverAt, timeZone), loanPeriodDays(tierLoanDays, copyLoanDays));
}

/** `true` when a loan on loan is past its due date on `today`. */
export function isOverdue(
  loan: { readonly state: string; readonly dueDate: CalendarDate | null },
  today: CalendarDate,
): boolean {
  return loan.state === "on_loan" && loan.dueDate !== null && today > loan.dueDate;
}

/** Days past the due date (0 when not overdue). */
export function daysOverdue(
  loan: { readonly state: string; readonly dueDate: CalendarDate | null },
  today: CalendarDate,
): number {
  return isOverdue(loan, today) ? daysBetween(loan.dueDate as CalendarDate, today) : 0;
}
