// Book-sharing sweeps, safe on every API instance at once: expiring unanswered requests and
// uncollected pickups (each decided by the domain's machine under the copy's row lock, so
// a second instance finds the loan already expired and moves on; the queue then advances),
// and due-date reminders written with outbox dedupe keys (one per loan, kind and due date).
import { type Database, getCopy, loansPastWait, onLoanDueOn } from "@readers/db";
import { loanReminderDue, loanReminderDueDates } from "@readers/domain";
import { lendingSettings, moveLoan } from "../books/lending.ts";
import { notifyLoan } from "../books/notify.ts";
import { todayIn } from "../members/views.ts";
import type { Services } from "../services.ts";
import { DomainRefusal } from "../trpc/errors.ts";

/** Expires what waited too long; returns how many loans it expired. */
export async function runLoanExpiry(db: Database, services: Services, now: Date): Promise<number> {
  const due = await loansPastWait(db, now, lendingSettings({ services }));
  let expired = 0;
  for (const { id } of due) {
    try {
      await db.transaction((tx) =>
        moveLoan(
          tx,
          { now, services },
          {
            loanId: id,
            move: "expire",
            actor: { kind: "system" },
          },
        ),
      );
      expired++;
    } catch (error) {
      // Another instance (or the parties) moved it first: nothing left to do here.
      const refusal = (error as { cause?: unknown }).cause;
      if (refusal instanceof DomainRefusal) continue;
      throw error;
    }
  }
  return expired;
}

/** Queues today's due-soon, due-today and overdue reminders; returns messages queued. */
export async function runLoanReminders(
  db: Database,
  services: Services,
  now: Date,
): Promise<number> {
  const today = todayIn(now, services.timezone);
  // The due dates whose reminder may be due today: 3 days ahead, today, 7 days ago, and
  // up to two days late for a day the job did not run.
  const loans = await onLoanDueOn(db, loanReminderDueDates(today));
  let queued = 0;
  for (const { loan } of loans) {
    const kind = loanReminderDue(loan, today);
    if (!kind) continue;
    const copy = await getCopy(db, loan.copyId);
    if (!copy) continue;
    queued += await db.transaction((tx) =>
      notifyLoan(
        tx,
        { services },
        {
          kind,
          loan,
          copy,
          // A renewal moves the due date, and with it the reminders.
          dedupeKey: `loan-reminder:${loan.id}:${kind}:${loan.dueDate}`,
        },
      ),
    );
  }
  return queued;
}
