// Loan notifications through the outbox, in the caller's transaction: whom each event
// reaches is the domain's decision (planNotifications); this adds what the message says.
import {
  type CopyRow,
  getBook,
  getLocation,
  getMemberById,
  type LoanRow,
  type Tx,
} from "@readers/db";
import {
  addMinutes,
  DEFAULT_BOOK_SHARING_SETTINGS,
  type LoanReminderKind,
  type NotificationEvent,
} from "@readers/domain";
import { enqueueNotification } from "../notifications/notify.ts";
import type { Context } from "../trpc/context.ts";

type Kind = "loan_requested" | "loan_accepted" | "loan_declined" | "queue_turn" | LoanReminderKind;

/** The portal page of a loan. */
export function loanUrl(publicUrl: string, loanId: string): string {
  return `${publicUrl}/loans/${encodeURIComponent(loanId)}`;
}

function eventOf(kind: Kind, loan: LoanRow): NotificationEvent {
  switch (kind) {
    case "loan_requested":
      return { kind, loanId: loan.id, ownerMemberId: loan.ownerMemberId };
    case "queue_turn":
      return { kind, copyId: loan.copyId, memberId: loan.borrowerId };
    case "loan_overdue":
      return {
        kind,
        loanId: loan.id,
        borrowerId: loan.borrowerId,
        ownerMemberId: loan.ownerMemberId,
      };
    default:
      return { kind, loanId: loan.id, borrowerId: loan.borrowerId };
  }
}

/** Queues the messages of one loan event (title, parties, dates and where to collect). */
export async function notifyLoan(
  tx: Tx,
  ctx: Pick<Context, "services">,
  input: {
    kind: Kind;
    loan: LoanRow;
    copy: CopyRow;
    extra?: Record<string, unknown>;
    dedupeKey?: string;
  },
): Promise<number> {
  const { loan, copy } = input;
  const book = await getBook(tx, copy.bookId);
  const borrower = await getMemberById(tx, loan.borrowerId);
  const shelf = copy.shelfLocationId ? await getLocation(tx, copy.shelfLocationId) : null;
  const pickupBy =
    loan.state === "accepted" && loan.acceptedAt
      ? addMinutes(loan.acceptedAt, DEFAULT_BOOK_SHARING_SETTINGS.pickupDays * 24 * 60)
      : null;
  return enqueueNotification(
    tx,
    eventOf(input.kind, loan),
    {
      loanId: loan.id,
      copyId: copy.id,
      bookId: copy.bookId,
      title: book?.title ?? "",
      borrowerName: borrower && !borrower.erasedAt ? borrower.firstName : "",
      message: loan.message,
      state: loan.state,
      dueDate: loan.dueDate,
      pickupBy: pickupBy?.toISOString() ?? null,
      location: shelf?.name ?? "",
      timeZone: ctx.services.timezone,
      url: loanUrl(ctx.services.publicUrl, loan.id),
      ...input.extra,
    },
    input.dedupeKey ? { dedupeKey: input.dedupeKey } : {},
  );
}
