// Sample book-sharing data shaped like the API's answers (books.*, loans.*), for component
// tests; each builder takes overrides.
import type {
  BookSearchItem,
  BookView,
  CopyView,
  LoanView,
  MyLoans,
  TimelineEvent,
} from "../src/lib/books.ts";
import { hoursFromNow } from "./fakes.ts";

export function book(overrides: Partial<BookView> = {}): BookView {
  return {
    id: "b1",
    isbn13: "9780743273565",
    title: "The Great Gatsby",
    authors: ["F. Scott Fitzgerald"],
    year: 2004,
    language: "en",
    coverUrl: null,
    ...overrides,
  };
}

export function searchItem(
  overrides: Partial<BookView> = {},
  counts: { copies?: number; available?: number } = {},
): BookSearchItem {
  return { book: book(overrides), copies: counts.copies ?? 1, available: counts.available ?? 1 };
}

/** Ada L.'s copy, lent, in good condition, free. */
export function copy(overrides: Partial<CopyView> = {}): CopyView {
  return {
    id: "c1",
    bookId: "b1",
    owner: { kind: "member", memberId: "mem-ada", name: "Ada L.", isMe: false },
    shelf: null,
    mode: "lend",
    condition: "good",
    note: "",
    loanDays: null,
    minTrust: null,
    visible: true,
    labelCode: null,
    state: "available",
    dueDate: null,
    queueLength: 0,
    myLoanId: null,
    myQueuePosition: null,
    withdrawnAt: null,
    createdAt: hoursFromNow(-48),
    ...overrides,
  } as CopyView;
}

export function event(kind: string, overrides: Partial<TimelineEvent> = {}): TimelineEvent {
  return {
    at: hoursFromNow(-1),
    kind,
    actorRole: "borrower",
    details: {},
    ...overrides,
  } as TimelineEvent;
}

/** Ben B. asks Ada L. (the reader, as owner) for her copy: a request waiting for an answer. */
export function loan(overrides: Partial<LoanView> = {}): LoanView {
  return {
    id: "l1",
    copyId: "c1",
    book: { id: "b1", title: "The Great Gatsby", authors: ["F. Scott Fitzgerald"], coverUrl: null },
    state: "requested",
    mode: "lend",
    myRole: "owner",
    onShelf: false,
    borrower: { memberId: "mem-ben", name: "Ben B.", trust: 2 },
    owner: { kind: "member", memberId: "mem-ada", name: "Ada L." },
    message: "I can pick it up on Saturday.",
    requestedAt: hoursFromNow(-2),
    acceptedAt: null,
    handedOverAt: null,
    dueDate: null,
    overdue: false,
    renewals: 0,
    expiresAt: hoursFromNow(24 * 7 - 2),
    closedAt: null,
    timeline: [event("requested", { details: { message: "I can pick it up on Saturday." } })],
    ...overrides,
  } as LoanView;
}

export function myLoans(overrides: Partial<MyLoans> = {}): MyLoans {
  return { asBorrower: [], asOwner: [], association: [], queue: [], ...overrides };
}
