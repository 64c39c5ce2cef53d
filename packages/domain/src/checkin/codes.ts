/** Outcomes and refusal codes of kiosk check-in (DESIGN §2.3). */

/** The three successful outcomes of a check-in. */
export const CHECKIN_OUTCOMES = ["CHECKED_IN", "WALK_IN_ACCEPTED", "ALREADY_CHECKED_IN"] as const;
/** A successful check-in outcome. */
export type CheckInOutcome = (typeof CHECKIN_OUTCOMES)[number];

/** Every refusal code a check-in can return; keys equal values. */
export const CHECKIN_CODES = {
  /** Too early: check-in opens 60 minutes before the start by default. */
  CHECKIN_NOT_OPEN: "CHECKIN_NOT_OPEN",
  /** The activity is over. */
  CHECKIN_CLOSED: "CHECKIN_CLOSED",
  /** This kiosk is at another location; the refusal carries the right `locationId`. */
  WRONG_LOCATION: "WRONG_LOCATION",
  /** No confirmed registration and no free seat. */
  NOT_REGISTERED_AND_FULL: "NOT_REGISTERED_AND_FULL",
  /** Arrived after the no-show deadline and the released seats were taken by walk-ins. */
  SEAT_RELEASED: "SEAT_RELEASED",
  /** A card reported lost (older card version). */
  CARD_REVOKED: "CARD_REVOKED",
  /** The credential matched no member or registration. */
  UNKNOWN_MEMBER: "UNKNOWN_MEMBER",
  /** The member is suspended. */
  MEMBERSHIP_SUSPENDED: "MEMBERSHIP_SUSPENDED",
  /** A walk-in whose membership does not allow this activity. */
  MEMBERSHIP_INACTIVE: "MEMBERSHIP_INACTIVE",
  /** A guest walk-in at a members-only activity. */
  MEMBERS_ONLY: "MEMBERS_ONLY",
  /** The activity was cancelled. */
  ACTIVITY_CANCELLED: "ACTIVITY_CANCELLED",
  /** The activity is a draft. */
  ACTIVITY_NOT_PUBLISHED: "ACTIVITY_NOT_PUBLISHED",
  /** A walk-in party larger than the activity allows. */
  PARTY_TOO_LARGE: "PARTY_TOO_LARGE",
  /** The pairing code is unknown, used or expired. */
  PAIRING_CODE_INVALID: "PAIRING_CODE_INVALID",
  /** The kiosk device was revoked by an admin. */
  KIOSK_REVOKED: "KIOSK_REVOKED",
  /** The staff PIN typed at a kiosk is not the association's. */
  STAFF_PIN_WRONG: "STAFF_PIN_WRONG",
} as const;

/** A check-in refusal code. */
export type CheckInCode = keyof typeof CHECKIN_CODES;
