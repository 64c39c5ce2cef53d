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
import { type LoanReminderKind, loanExpiresAt, type NotificationEvent } from "@readers/domain";
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
  // When a request lapses unanswered, or a pickup uncollected: the association's waits.
  const lapsesAt = loanExpiresAt(loan, ctx.services.bookSharing);
  const pickupBy = loan.state === "accepted" ? lapsesAt : null;
  const answerBy = loan.state === "requested" ? lapsesAt : null;
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
      answerBy: answerBy?.toISOString() ?? null,
      location: shelf?.name ?? "",
      timeZone: ctx.services.timezone,
      url: loanUrl(ctx.services.publicUrl, loan.id),
      ...input.extra,
    },
    input.dedupeKey ? { dedupeKey: input.dedupeKey } : {},
  );
}

/** Why a queue place ended: the copy went (withdrawn, lost, given) or the member may not borrow now. */
export type QueueEndReason = "withdrawn" | "lost" | "given" | "ineligible";

/**
 * Tells members queued for a copy that their place ended with it (withdrawn, lost, given
 * away): without this they would wait for a book that is not coming back.
 */
export async function notifyQueueEnded(
  tx: Tx,
  ctx: Pick<Context, "services">,
  copy: CopyRow,
  memberIds: readonly string[],
  reason: QueueEndReason,
): Promise<number> {
  if (memberIds.length === 0) return 0;
  const book = await getBook(tx, copy.bookId);
  let queued = 0;
  for (const memberId of memberIds) {
    queued += await enqueueNotification(
      tx,
      { kind: "queue_ended", copyId: copy.id, memberId },
      {
        copyId: copy.id,
        bookId: copy.bookId,
        title: book?.title ?? "",
        reason,
        url: `${ctx.services.publicUrl}/books/${encodeURIComponent(copy.bookId)}`,
      },
    );
  }
  return queued;
}
