/** Every domain code in one list, with the tRPC error kind the API should map it to. */
import { ACTIVITY_CODES, type ActivityCode } from "./activities/codes.js";
import { BOOK_SHARING_CODES, type BookSharingCode } from "./book-sharing/codes.js";
import { CHECKIN_CODES, type CheckInCode } from "./checkin/codes.js";
import { MEMBERSHIP_CODES, type MembershipCode } from "./membership/codes.js";
import { PERMISSION_CODES, type PermissionCode } from "./permissions/can.js";

/** Any refusal code of any area. */
export type DomainCode =
  | MembershipCode
  | ActivityCode
  | CheckInCode
  | BookSharingCode
  | PermissionCode;

/** The tRPC error codes domain refusals map to. */
export const HTTP_KINDS = [
  "FORBIDDEN",
  "CONFLICT",
  "BAD_REQUEST",
  "PRECONDITION_FAILED",
  "NOT_FOUND",
] as const;
/** A tRPC error code for a refusal. */
export type HttpKind = (typeof HTTP_KINDS)[number];

/** Each area's code map, by area name. */
export const CODES_BY_AREA = {
  membership: MEMBERSHIP_CODES,
  activities: ACTIVITY_CODES,
  checkin: CHECKIN_CODES,
  bookSharing: BOOK_SHARING_CODES,
  permissions: PERMISSION_CODES,
} as const;

/**
 * Suggested tRPC code for every domain code. `FORBIDDEN`: who you are does not allow it;
 * `CONFLICT`: the current state of the thing clashes (full, already done);
 * `PRECONDITION_FAILED`: not now (too early, too late, limits); `BAD_REQUEST`: the input
 * itself is wrong. Typed as a complete record, so adding a code without a kind fails to
 * compile.
 */
export const domainCodeHttpKind: Readonly<Record<DomainCode, HttpKind>> = {
  // membership
  MEMBERSHIP_INACTIVE: "FORBIDDEN",
  MEMBERSHIP_PENDING: "PRECONDITION_FAILED",
  MEMBERSHIP_SUSPENDED: "FORBIDDEN",
  MEMBERSHIP_CANCELLED: "PRECONDITION_FAILED",
  RENEWAL_TOO_EARLY: "PRECONDITION_FAILED",
  ALREADY_MEMBER: "CONFLICT",
  MEMBERSHIP_NOT_PENDING: "CONFLICT",
  ALREADY_SUSPENDED: "CONFLICT",
  NOT_SUSPENDED: "CONFLICT",
  INVALID_MEMBER_NUMBER: "BAD_REQUEST",
  CARD_MALFORMED: "BAD_REQUEST",
  CARD_SIGNATURE_INVALID: "FORBIDDEN",
  CARD_REVOKED: "FORBIDDEN",
  NOT_A_MEMBER: "PRECONDITION_FAILED",
  EMAIL_TAKEN: "CONFLICT",
  EMAIL_UNVERIFIED: "PRECONDITION_FAILED",
  IMPORT_COLUMNS_INVALID: "BAD_REQUEST",
  IMPORT_TOO_MANY_ROWS: "BAD_REQUEST",
  IMPORT_EMPTY: "BAD_REQUEST",
  IMPORT_HAS_ERRORS: "BAD_REQUEST",
  TIER_NAME_TAKEN: "CONFLICT",
  OWN_MEMBERSHIP: "FORBIDDEN",
  LAST_ADMIN: "PRECONDITION_FAILED",
  TIER_CHANGE_NEEDS_APPLICATION: "PRECONDITION_FAILED",
  IMPORT_MALFORMED: "BAD_REQUEST",
  // activities
  ACTIVITY_NOT_PUBLISHED: "NOT_FOUND",
  ACTIVITY_CANCELLED: "PRECONDITION_FAILED",
  ACTIVITY_ENDED: "PRECONDITION_FAILED",
  REGISTRATION_NOT_OPEN: "PRECONDITION_FAILED",
  REGISTRATION_CLOSED: "PRECONDITION_FAILED",
  WALK_IN_ONLY: "PRECONDITION_FAILED",
  MEMBERS_ONLY: "FORBIDDEN",
  ALREADY_REGISTERED: "CONFLICT",
  PARTY_TOO_LARGE: "BAD_REQUEST",
  INVALID_PARTY_SIZE: "BAD_REQUEST",
  ACTIVITY_FULL: "CONFLICT",
  NO_SHOW_PENALTY: "FORBIDDEN",
  REGISTRATION_ALREADY_CANCELLED: "CONFLICT",
  ACTIVITY_STARTED: "PRECONDITION_FAILED",
  ALREADY_ATTENDED: "CONFLICT",
  INVALID_ACTIVITY_STATUS: "CONFLICT",
  CAPACITY_BELOW_CONFIRMED: "CONFLICT",
  // check-in
  CHECKIN_NOT_OPEN: "PRECONDITION_FAILED",
  CHECKIN_CLOSED: "PRECONDITION_FAILED",
  WRONG_LOCATION: "PRECONDITION_FAILED",
  NOT_REGISTERED_AND_FULL: "CONFLICT",
  SEAT_RELEASED: "CONFLICT",
  UNKNOWN_MEMBER: "NOT_FOUND",
  PAIRING_CODE_INVALID: "NOT_FOUND",
  KIOSK_REVOKED: "FORBIDDEN",
  STAFF_PIN_WRONG: "FORBIDDEN",
  // book sharing
  INVALID_ISBN: "BAD_REQUEST",
  HAS_OVERDUE: "PRECONDITION_FAILED",
  LOAN_LIMIT_REACHED: "PRECONDITION_FAILED",
  OWN_COPY: "BAD_REQUEST",
  ALREADY_REQUESTED: "CONFLICT",
  COPY_UNAVAILABLE: "CONFLICT",
  TRUST_TOO_LOW: "FORBIDDEN",
  COPY_NOT_BUSY: "CONFLICT",
  HOLD_LIMIT_REACHED: "PRECONDITION_FAILED",
  LOAN_MOVE_INVALID: "CONFLICT",
  LOAN_MOVE_FORBIDDEN: "FORBIDDEN",
  LOAN_NOT_EXPIRED: "PRECONDITION_FAILED",
  RENEWAL_LIMIT_REACHED: "PRECONDITION_FAILED",
  COPY_QUEUED: "CONFLICT",
  LOAN_OVERDUE: "PRECONDITION_FAILED",
  COPY_ON_LOAN: "CONFLICT",
  BOOK_DETAILS_NEEDED: "PRECONDITION_FAILED",
  COPY_NOT_FOUND: "NOT_FOUND",
  NOT_COPY_OWNER: "FORBIDDEN",
  // permissions
  NOT_PERMITTED: "FORBIDDEN",
};

/** Every domain code, sorted, once (codes shared by areas appear once). */
export const DOMAIN_CODES = Object.freeze(Object.keys(domainCodeHttpKind).sort() as DomainCode[]);

/** `true` when `code` is a domain code (e.g. read back from `error.data.domainCode`). */
export function isDomainCode(code: string): code is DomainCode {
  return Object.hasOwn(domainCodeHttpKind, code);
}
