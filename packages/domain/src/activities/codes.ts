/** Refusal codes of the activities area (registration, cancellation, series). */

/** Every code an activities rule can return; keys equal values. */
export const ACTIVITY_CODES = {
  /** Still a draft: not visible, not open for registration. */
  ACTIVITY_NOT_PUBLISHED: "ACTIVITY_NOT_PUBLISHED",
  /** Cancelled by the organizers. */
  ACTIVITY_CANCELLED: "ACTIVITY_CANCELLED",
  /** Already over. */
  ACTIVITY_ENDED: "ACTIVITY_ENDED",
  /** Registration opens later (`opensAt`). */
  REGISTRATION_NOT_OPEN: "REGISTRATION_NOT_OPEN",
  /** Registration closed (`closesAt`, by default the start). */
  REGISTRATION_CLOSED: "REGISTRATION_CLOSED",
  /** Walk-in only (registration `none`, e.g. exhibitions): just come. */
  WALK_IN_ONLY: "WALK_IN_ONLY",
  /** A guest tried to join a members-only activity. */
  MEMBERS_ONLY: "MEMBERS_ONLY",
  /** The member's status does not allow this activity. */
  MEMBERSHIP_INACTIVE: "MEMBERSHIP_INACTIVE",
  /** The member or guest e-mail already holds a registration for this activity. */
  ALREADY_REGISTERED: "ALREADY_REGISTERED",
  /** Party larger than `maxPartySize` or than the capacity itself. */
  PARTY_TOO_LARGE: "PARTY_TOO_LARGE",
  /** Party size is not a whole number ≥ 1. */
  INVALID_PARTY_SIZE: "INVALID_PARTY_SIZE",
  /** Full and the activity keeps no waitlist. */
  ACTIVITY_FULL: "ACTIVITY_FULL",
  /** The member is under a no-show penalty and the activity keeps no waitlist. */
  NO_SHOW_PENALTY: "NO_SHOW_PENALTY",
  /** Cancelling a registration that is already cancelled. */
  REGISTRATION_ALREADY_CANCELLED: "REGISTRATION_ALREADY_CANCELLED",
  /** Cancelling after the activity started (a no-show is then a no-show). */
  ACTIVITY_STARTED: "ACTIVITY_STARTED",
  /** Cancelling a registration that is already checked in. */
  ALREADY_ATTENDED: "ALREADY_ATTENDED",
  /** Publishing something that is not a draft, or cancelling something already cancelled. */
  INVALID_ACTIVITY_STATUS: "INVALID_ACTIVITY_STATUS",
  /** Lowering the capacity below the seats already confirmed (that would overbook). */
  CAPACITY_BELOW_CONFIRMED: "CAPACITY_BELOW_CONFIRMED",
} as const;

/** An activities refusal code. */
export type ActivityCode = keyof typeof ACTIVITY_CODES;
