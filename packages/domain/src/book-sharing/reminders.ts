/** Due-date reminders: 3 days before, on the due date, and 7 days after. */
import { addDays, type CalendarDate } from "../shared/calendar.js";
import type { LoanState } from "./loan.js";

/** Kinds of loan reminder. */
export const LOAN_REMINDER_KINDS = ["loan_due_soon", "loan_due_today", "loan_overdue"] as const;
/** A loan reminder kind (also a notification kind). */
export type LoanReminderKind = (typeof LOAN_REMINDER_KINDS)[number];

/** Days relative to the due date for each reminder (DESIGN §2.4): −3, 0, +7. */
export const DEFAULT_LOAN_REMINDER_OFFSETS: Readonly<Record<LoanReminderKind, number>> = {
  loan_due_soon: -3,
  loan_due_today: 0,
  loan_overdue: 7,
};

/** All reminder dates of a loan due on `dueDate`, in order. */
export function loanReminderSchedule(
  dueDate: CalendarDate,
  offsets: Readonly<Record<LoanReminderKind, number>> = DEFAULT_LOAN_REMINDER_OFFSETS,
): { kind: LoanReminderKind; date: CalendarDate }[] {
  return LOAN_REMINDER_KINDS.map((kind) => ({ kind, date: addDays(dueDate, offsets[kind]) })).sort(
    (a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0),
  );
}

/**
 * How many days late a reminder may still go out: a server down on the day (or a job that
 * failed) catches up the next time it runs, but a "due soon" never arrives after the due
 * date — only the latest reminder whose day has come is sent.
 */
export const LOAN_REMINDER_CATCH_UP_DAYS = 2;

/**
 * The reminder due `today` for a loan, if any (only loans still on loan get one): the
 * latest one whose day has come, at most {@link LOAN_REMINDER_CATCH_UP_DAYS} late. Run
 * daily or more often; the outbox's dedupe key (loan, kind, due date) keeps re-runs from
 * sending twice.
 */
export function loanReminderDue(
  loan: { readonly state: LoanState; readonly dueDate: CalendarDate | null },
  today: CalendarDate,
  offsets: Readonly<Record<LoanReminderKind, number>> = DEFAULT_LOAN_REMINDER_OFFSETS,
): LoanReminderKind | null {
  if (loan.state !== "on_loan" || loan.dueDate === null) return null;
  const latest = loanReminderSchedule(loan.dueDate, offsets)
    .filter((r) => r.date <= today)
    .at(-1);
  if (!latest || latest.date < addDays(today, -LOAN_REMINDER_CATCH_UP_DAYS)) return null;
  return latest.kind;
}

/** Due dates of loans that may have a reminder due `today` (for the job's query). */
export function loanReminderDueDates(
  today: CalendarDate,
  offsets: Readonly<Record<LoanReminderKind, number>> = DEFAULT_LOAN_REMINDER_OFFSETS,
): CalendarDate[] {
  return LOAN_REMINDER_KINDS.flatMap((kind) =>
    Array.from({ length: LOAN_REMINDER_CATCH_UP_DAYS + 1 }, (_, late) =>
      addDays(today, -offsets[kind] - late),
    ),
  );
}
