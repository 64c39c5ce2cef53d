/** Refusal codes of the book-sharing area. */

/** Every code a book-sharing rule can return; keys equal values. */
export const BOOK_SHARING_CODES = {
  /** Not a valid ISBN-10 or ISBN-13 (length or check digit). */
  INVALID_ISBN: "INVALID_ISBN",
  /** New requests and queue places need an active membership. */
  MEMBERSHIP_INACTIVE: "MEMBERSHIP_INACTIVE",
  /** The member has a loan past its due date. */
  HAS_OVERDUE: "HAS_OVERDUE",
  /** Active loans plus accepted requests reached the tier's `loanLimit`. */
  LOAN_LIMIT_REACHED: "LOAN_LIMIT_REACHED",
  /** Requesting one's own copy. */
  OWN_COPY: "OWN_COPY",
  /** Already holding an open loan or a queue place on this copy. */
  ALREADY_REQUESTED: "ALREADY_REQUESTED",
  /** Withdrawn, hidden, or lent to someone else (then `canQueue` says a queue is possible). */
  COPY_UNAVAILABLE: "COPY_UNAVAILABLE",
  /** The member has fewer successful returns than the copy's `minTrust`. */
  TRUST_TOO_LOW: "TRUST_TOO_LOW",
  /** Joining a queue on a copy that is free: request it instead. */
  COPY_NOT_BUSY: "COPY_NOT_BUSY",
  /** The member holds as many queue places as the tier's `holdLimit`. */
  HOLD_LIMIT_REACHED: "HOLD_LIMIT_REACHED",
  /** This move is not possible from the loan's current state. */
  LOAN_MOVE_INVALID: "LOAN_MOVE_INVALID",
  /** This actor may not make this move on this loan. */
  LOAN_MOVE_FORBIDDEN: "LOAN_MOVE_FORBIDDEN",
  /** Expiring a request or pickup before its 7 days are over. */
  LOAN_NOT_EXPIRED: "LOAN_NOT_EXPIRED",
  /** Renewals already reached the tier's `maxRenewals`. */
  RENEWAL_LIMIT_REACHED: "RENEWAL_LIMIT_REACHED",
  /** Someone is queued for the copy, so it cannot be renewed. */
  COPY_QUEUED: "COPY_QUEUED",
  /** An overdue loan cannot be renewed; return it. */
  LOAN_OVERDUE: "LOAN_OVERDUE",
  /** Withdrawing a copy that has an open loan. */
  COPY_ON_LOAN: "COPY_ON_LOAN",
  /** The ISBN lookup found nothing: the book's details must be typed in. */
  BOOK_DETAILS_NEEDED: "BOOK_DETAILS_NEEDED",
  /** A scanned barcode names no copy on this kiosk's shelf. */
  COPY_NOT_FOUND: "COPY_NOT_FOUND",
  /** Only the copy's owner (or an officer, for the association's copies) may change it. */
  NOT_COPY_OWNER: "NOT_COPY_OWNER",
} as const;

/** A book-sharing refusal code. */
export type BookSharingCode = keyof typeof BOOK_SHARING_CODES;
