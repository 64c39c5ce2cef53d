// Book sharing in the portal: the API's shapes, search filters as they live in the address
// (?q=…&available=1&mode=give&lang=zh&shelf=1), ISBN checks for instant feedback (the
// domain's checksum), and which loan moves the reader's side may make (the domain's machine).
import {
  LOAN_TRANSITIONS,
  type LoanMove,
  type LoanRole,
  type LoanState,
  normalizeIsbn,
  SEARCH_TEXT_MAX_LENGTH,
} from "@readers/domain";
import type { Message } from "../i18n/index.ts";
import type { trpc } from "./trpc.ts";

export type BookSearchPage = Awaited<ReturnType<typeof trpc.books.search.query>>;
export type BookSearchItem = BookSearchPage["items"][number];
export type BookSearchInput = NonNullable<Parameters<typeof trpc.books.search.query>[0]>;
export type BookDetail = Awaited<ReturnType<typeof trpc.books.get.query>>;
export type BookView = BookDetail["book"];
export type CopyView = BookDetail["copies"][number];
export type MyCopyItem = Awaited<ReturnType<typeof trpc.books.myCopies.query>>["items"][number];
export type IsbnLookupAnswer = Awaited<ReturnType<typeof trpc.books.lookupIsbn.query>>;
export type MyLoans = Awaited<ReturnType<typeof trpc.loans.mine.query>>;
export type LoanView = MyLoans["asBorrower"][number];
export type QueuePlace = MyLoans["queue"][number];
export type TimelineEvent = LoanView["timeline"][number];

/** Books per "load more". */
export const BOOK_PAGE_SIZE = 20;

/** The search page's query parameters, as the router gives them. */
export type BookFilterParams = {
  q?: string;
  available?: string;
  mode?: string;
  lang?: string;
  shelf?: string;
};

export interface BookFilters {
  q?: string;
  availableNow: boolean;
  mode?: "lend" | "give";
  language?: string;
  associationOnly: boolean;
}

/** A language filter is a tag or its primary subtag (`zh` also finds `zh-Hans`). */
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/**
 * Languages offered in the filter and the add form, most common in the association first;
 * their names come from Intl in the reader's language, not from the catalogs.
 */
export const BOOK_LANGUAGES = ["zh", "en", "ja", "ko", "fr", "de", "es", "ru"] as const;

/** The filters from the address, anything unknown dropped. */
export function readBookFilters(params: BookFilterParams): BookFilters {
  const q = params.q?.trim().slice(0, SEARCH_TEXT_MAX_LENGTH) || undefined;
  const mode = params.mode === "lend" || params.mode === "give" ? params.mode : undefined;
  const language = params.lang && LANGUAGE_TAG.test(params.lang) ? params.lang : undefined;
  return {
    q,
    availableNow: params.available === "1",
    mode,
    language,
    associationOnly: params.shelf === "1",
  };
}

/** books.search input for the filters (first page). */
export function bookSearchInput(filters: BookFilters, limit = BOOK_PAGE_SIZE): BookSearchInput {
  return {
    text: filters.q,
    availableNow: filters.availableNow,
    mode: filters.mode,
    language: filters.language,
    associationOnly: filters.associationOnly,
    limit,
  };
}

/** True when any filter narrows the search (the empty state then offers to clear them). */
export function hasBookFilters(filters: BookFilters): boolean {
  return Boolean(
    filters.q ||
      filters.availableNow ||
      filters.mode ||
      filters.language ||
      filters.associationOnly,
  );
}

/** The name of a language tag in the reader's language ("Chinese", "中文"), or the tag. */
export function languageName(tag: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: "language" }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/**
 * What is wrong with a typed ISBN, before any lookup: nothing typed, not 10 or 13 digits,
 * or a wrong check digit (the domain's checksum). `undefined` when it is a valid ISBN.
 */
export function checkIsbn(value: string): Message | undefined {
  const compact = value.replace(/[\s-]/g, "").toUpperCase();
  if (!compact) return { key: "addBook.isbnRequired" };
  if (normalizeIsbn(value).ok) return undefined;
  // Right length and characters, so a digit is mistyped: the check digit does not add up.
  if (/^\d{9}[\dX]$/.test(compact) || /^97[89]\d{10}$/.test(compact)) {
    return { key: "addBook.isbnChecksum" };
  }
  return { key: "addBook.isbnShape" };
}

/** The ISBN-13 of a typed or scanned ISBN, or `null`. */
export function isbn13Of(value: string): string | null {
  const result = normalizeIsbn(value);
  return result.ok ? result.value : null;
}

/** Loan moves a person makes from the portal (expiry is the system's). */
export type PortalLoanMove = Exclude<LoanMove, "expire"> | "renew";

/** The order buttons appear in: the expected next step first, the way out last. */
const MOVE_ORDER: readonly PortalLoanMove[] = [
  "accept",
  "hand_over",
  "renew",
  "return",
  "decline",
  "cancel",
  "report_lost",
];

/**
 * The moves the reader may make on a loan, from their side only: the domain's machine for
 * the loan's state and the reader's role, on a shelf's rules when the copy lives on one
 * (whoever owns it — as the server decides). Renewing is the borrower's, on loan. The
 * server decides again (limits, queue, dates).
 */
export function loanMovesFor(loan: {
  readonly state: LoanState;
  readonly mode: "lend" | "give";
  readonly myRole: LoanRole | null;
  readonly onShelf: boolean;
}): PortalLoanMove[] {
  const role = loan.myRole;
  if (!role) return [];
  const shelf = loan.onShelf;
  const moves = new Set<PortalLoanMove>();
  for (const rule of LOAN_TRANSITIONS) {
    if (rule.from !== loan.state || rule.move === "expire") continue;
    if ((shelf ? rule.shelf : rule.peer).includes(role)) moves.add(rule.move);
  }
  if (loan.state === "on_loan" && role === "borrower" && loan.mode === "lend") moves.add("renew");
  return MOVE_ORDER.filter((move) => moves.has(move));
}

/** Requests waiting for the reader's answer (the owner's inbox). */
export function isAwaitingMyAnswer(loan: Pick<LoanView, "state" | "myRole">): boolean {
  return loan.state === "requested" && (loan.myRole === "owner" || loan.myRole === "association");
}

/** Procedure names of the moves, for the tRPC client. */
export const MOVE_PROCEDURE = {
  accept: "accept",
  decline: "decline",
  cancel: "cancel",
  hand_over: "handOver",
  renew: "renew",
  return: "return",
  report_lost: "reportLost",
} as const satisfies Record<PortalLoanMove, string>;
