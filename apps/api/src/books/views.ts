// What the API shows of books, copies and loans: stored facts plus what the domain computes
// (availability, expiry, overdue), instants as ISO strings and dates as YYYY-MM-DD.
import type { BookRow, CopyWithState, LoanEventRow, LoanRow } from "@readers/db";
import { type BookSharingSettings, isOverdue, type LoanRole, loanExpiresAt } from "@readers/domain";

export function bookView(row: BookRow) {
  return {
    id: row.id,
    isbn13: row.isbn13,
    title: row.title,
    authors: row.authors,
    year: row.year,
    language: row.language,
    coverUrl: row.coverUrl,
  };
}

export type BookView = ReturnType<typeof bookView>;

/** What a copy is doing now, for badges and filters. */
export type CopyState = "available" | "requested" | "accepted" | "on_loan" | "withdrawn";

export interface CopyViewContext {
  /** The caller's member id (to say "yours", "your loan", "your place"). */
  viewerMemberId: string | null;
  /** Staff see label codes and hidden copies. */
  staff: boolean;
  ownerNames: Map<string, string>;
  locationNames: Map<string, string>;
  /** The caller's queue positions by copy id. */
  myPositions?: Map<string, number>;
}

export function copyView(s: CopyWithState, c: CopyViewContext) {
  const { copy } = s;
  const mine = c.viewerMemberId !== null && copy.ownerMemberId === c.viewerMemberId;
  const state: CopyState = copy.withdrawnAt ? "withdrawn" : (s.openLoan?.state ?? "available");
  const myLoan = s.openLoan && s.openLoan.borrowerId === c.viewerMemberId ? s.openLoan : null;
  return {
    id: copy.id,
    bookId: copy.bookId,
    owner: copy.ownerMemberId
      ? {
          kind: "member" as const,
          memberId: copy.ownerMemberId,
          name: c.ownerNames.get(copy.ownerMemberId) ?? null,
          isMe: mine,
        }
      : { kind: "association" as const },
    shelf: copy.shelfLocationId
      ? {
          locationId: copy.shelfLocationId,
          name: c.locationNames.get(copy.shelfLocationId) ?? copy.shelfLocationId,
        }
      : null,
    mode: copy.mode,
    condition: copy.condition,
    note: copy.note,
    loanDays: copy.loanDays,
    minTrust: copy.minTrust,
    visible: copy.visible,
    /** Printed on association copies; shown to officers and to nobody else. */
    labelCode: c.staff || mine ? copy.labelCode : null,
    state,
    /** Due date of the loan on it (everyone may see when it should be back). */
    dueDate: s.openLoan?.state === "on_loan" ? s.openLoan.dueDate : null,
    queueLength: s.queueLength,
    myLoanId: myLoan?.id ?? null,
    myQueuePosition: c.myPositions?.get(copy.id) ?? null,
    withdrawnAt: copy.withdrawnAt?.toISOString() ?? null,
    createdAt: copy.createdAt.toISOString(),
  };
}

export type CopyView = ReturnType<typeof copyView>;

export function timelineView(events: LoanEventRow[]) {
  return events.map((e) => ({
    at: e.at.toISOString(),
    kind: e.kind,
    actorRole: e.actorRole,
    details: e.details,
  }));
}

export interface LoanViewInput {
  loan: LoanRow;
  book: BookRow;
  borrowerName: string;
  ownerName: string | null;
  /** Successful returns of the borrower, shown to owners deciding on a request. */
  borrowerTrust: number | null;
  shelfName: string | null;
  /** The copy lives on a shelf: the shelf's rules decide who may move the loan. */
  onShelf: boolean;
  /** The association's waits, for when a request or a pickup lapses. */
  waits: BookSharingSettings;
  events: LoanEventRow[];
  /** How the caller relates to the loan. */
  myRole: LoanRole | null;
  today: string;
}

export function loanView(v: LoanViewInput) {
  const { loan } = v;
  const expiresAt = loanExpiresAt(loan, v.waits);
  return {
    id: loan.id,
    copyId: loan.copyId,
    book: {
      id: v.book.id,
      title: v.book.title,
      authors: v.book.authors,
      coverUrl: v.book.coverUrl,
    },
    state: loan.state,
    mode: loan.mode,
    myRole: v.myRole,
    /**
     * Kept on a shelf, whoever owns it: hand-over and return happen there (the kiosk or
     * staff), as the server's rules say; a member's own copy can be on a shelf too.
     */
    onShelf: v.onShelf,
    borrower: { memberId: loan.borrowerId, name: v.borrowerName, trust: v.borrowerTrust },
    owner: loan.ownerMemberId
      ? { kind: "member" as const, memberId: loan.ownerMemberId, name: v.ownerName }
      : { kind: "association" as const, shelf: v.shelfName },
    message: loan.message,
    requestedAt: loan.requestedAt.toISOString(),
    acceptedAt: loan.acceptedAt?.toISOString() ?? null,
    handedOverAt: loan.handedOverAt?.toISOString() ?? null,
    dueDate: loan.dueDate,
    overdue: isOverdue(loan, v.today),
    renewals: loan.renewals,
    /** When a request or an uncollected loan lapses if nothing happens. */
    expiresAt: expiresAt?.toISOString() ?? null,
    closedAt: loan.closedAt?.toISOString() ?? null,
    timeline: timelineView(v.events),
  };
}

export type LoanView = ReturnType<typeof loanView>;
