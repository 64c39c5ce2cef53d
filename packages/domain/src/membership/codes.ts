/** Refusal codes of the membership area. */

/** Every code a membership rule can return; keys equal values so `MEMBERSHIP_CODES.X` reads well. */
export const MEMBERSHIP_CODES = {
  /** The member's status does not allow this (e.g. expired member, members-only activity). */
  MEMBERSHIP_INACTIVE: "MEMBERSHIP_INACTIVE",
  /** The membership is still waiting for approval or payment. */
  MEMBERSHIP_PENDING: "MEMBERSHIP_PENDING",
  /** The membership is suspended; only returning books is allowed. */
  MEMBERSHIP_SUSPENDED: "MEMBERSHIP_SUSPENDED",
  /** The member left; a new application is needed. */
  MEMBERSHIP_CANCELLED: "MEMBERSHIP_CANCELLED",
  /** Renewal opens a number of days (60 by default) before the end date. */
  RENEWAL_TOO_EARLY: "RENEWAL_TOO_EARLY",
  /** Applying while a membership is pending, active, in grace or suspended. */
  ALREADY_MEMBER: "ALREADY_MEMBER",
  /** Approving a membership that is not waiting for approval. */
  MEMBERSHIP_NOT_PENDING: "MEMBERSHIP_NOT_PENDING",
  /** Suspending a membership that is already suspended. */
  ALREADY_SUSPENDED: "ALREADY_SUSPENDED",
  /** Reinstating a membership that is not suspended. */
  NOT_SUSPENDED: "NOT_SUSPENDED",
  /** Not 8 digits, or the Luhn check digit does not match (a typo). */
  INVALID_MEMBER_NUMBER: "INVALID_MEMBER_NUMBER",
  /** A scanned QR code is not a member card payload. */
  CARD_MALFORMED: "CARD_MALFORMED",
  /** The card's signature does not match: forged or from another association. */
  CARD_SIGNATURE_INVALID: "CARD_SIGNATURE_INVALID",
  /** The card was replaced after being reported lost. */
  CARD_REVOKED: "CARD_REVOKED",
  /** The person has no member record yet (never applied). */
  NOT_A_MEMBER: "NOT_A_MEMBER",
  /** Another member already uses this e-mail address. */
  EMAIL_TAKEN: "EMAIL_TAKEN",
  /** A member was imported with this e-mail: confirm the address (link in the e-mail) to take it over. */
  EMAIL_UNVERIFIED: "EMAIL_UNVERIFIED",
  /** A CSV import's header lacks a required column or names an unknown one. */
  IMPORT_COLUMNS_INVALID: "IMPORT_COLUMNS_INVALID",
  /** A CSV import has more rows than one import may take. */
  IMPORT_TOO_MANY_ROWS: "IMPORT_TOO_MANY_ROWS",
  /** A CSV import has no data rows. */
  IMPORT_EMPTY: "IMPORT_EMPTY",
  /** A CSV import was confirmed while some rows still have errors. */
  IMPORT_HAS_ERRORS: "IMPORT_HAS_ERRORS",
  /** A tier with this name exists already. */
  TIER_NAME_TAKEN: "TIER_NAME_TAKEN",
  /** Organizers do not approve, settle or lift suspensions of their own membership (an admin does). */
  OWN_MEMBERSHIP: "OWN_MEMBERSHIP",
  /** The association would be left without an administrator. */
  LAST_ADMIN: "LAST_ADMIN",
  /** Changing tier is a new application (approval and fee of the new tier), not a renewal. */
  TIER_CHANGE_NEEDS_APPLICATION: "TIER_CHANGE_NEEDS_APPLICATION",
  /** The CSV file could not be read (unbalanced quotes and the like); `line` says where. */
  IMPORT_MALFORMED: "IMPORT_MALFORMED",
} as const;

/** A membership refusal code. */
export type MembershipCode = keyof typeof MEMBERSHIP_CODES;
