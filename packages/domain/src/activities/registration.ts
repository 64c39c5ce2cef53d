/** Registration for an activity: confirmed, waitlisted as a whole party, or refused with a code. */
import { z } from "zod";
import type { MembershipStatus } from "../membership/membership.js";
import { privilegesFor } from "../membership/privileges.js";
import { err, ok, type Refusal, type Result } from "../shared/result.js";
import { EmailSchema, IdSchema, InstantSchema, PersonNameSchema } from "../shared/schemas.js";
import { type Activity, PARTY_SIZE_MAX, registrationClosesAt } from "./activity.js";

/** Stored registration statuses; "checked in" is `checkedInAt`, "late" is `lateCancellation`. */
export const REGISTRATION_STATUSES = ["confirmed", "waitlisted", "cancelled"] as const;
/** A stored registration status. */
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** A guest of a public activity: a name and an e-mail for the manage link. */
export const GuestSchema = z.object({ name: PersonNameSchema, email: EmailSchema });
/** A guest (parsed). */
export type Guest = z.output<typeof GuestSchema>;

/** A registration as stored: a member's or a guest's party for one activity. */
export const RegistrationSchema = z
  .object({
    id: IdSchema,
    activityId: IdSchema,
    memberId: IdSchema.nullable(),
    guest: GuestSchema.nullable().default(null),
    partySize: z.number().int().min(1).max(PARTY_SIZE_MAX).default(1),
    status: z.enum(REGISTRATION_STATUSES),
    /** Order on the waitlist: first come, first served. */
    createdAt: InstantSchema,
    cancelledAt: InstantSchema.nullable().default(null),
    /** Cancelled after the cutoff: counts towards no-shows. */
    lateCancellation: z.boolean().default(false),
    checkedInAt: InstantSchema.nullable().default(null),
  })
  .refine((r) => (r.memberId === null) !== (r.guest === null), {
    message: "A registration belongs to a member or to a guest",
    path: ["guest"],
  });

/** A registration (parsed). */
export type Registration = z.output<typeof RegistrationSchema>;

/** Input of `registrations.register`: a member's party, or a guest with name and e-mail. */
export const RegisterInputSchema = z.object({
  activityId: IdSchema,
  partySize: z.number().int().min(1).max(PARTY_SIZE_MAX).default(1),
  /** Present for guests registering without an account (public activities only). */
  guest: GuestSchema.optional(),
});

/** Longest guest manage-link token accepted (the API issues 32–64 url-safe characters). */
export const MANAGE_TOKEN_MAX_LENGTH = 128;

/** Input of `registrations.cancel`: a member's own registration, or a guest's with its manage token. */
export const RegistrationCancelInputSchema = z.object({
  registrationId: IdSchema,
  manageToken: z.string().min(1).max(MANAGE_TOKEN_MAX_LENGTH).optional(),
});

/** Parsed input of `registrations.register`. */
export type RegisterInput = z.output<typeof RegisterInputSchema>;

/** The activity fields a registration decision reads. */
export type RegistrationActivity = Pick<
  Activity,
  | "status"
  | "startsAt"
  | "endsAt"
  | "capacity"
  | "audience"
  | "registration"
  | "opensAt"
  | "closesAt"
  | "maxPartySize"
  | "waitlistEnabled"
>;

/** Who is registering. */
export type Applicant =
  | {
      readonly kind: "member";
      readonly membershipStatus: MembershipStatus;
      /** The member already holds a confirmed or waitlisted registration here. */
      readonly alreadyRegistered: boolean;
      /** End of a no-show penalty (see `noShowPenaltyUntil`), if any. */
      readonly noShowPenaltyUntil?: Date | null;
    }
  | {
      readonly kind: "guest";
      /** That e-mail already holds a confirmed or waitlisted registration here. */
      readonly alreadyRegistered: boolean;
    };

/** Seats already taken, counted inside the transaction that holds the activity's lock. */
export interface SeatCounts {
  /** Sum of party sizes of confirmed registrations. */
  readonly confirmedSeats: number;
}

/** Input of {@link decideRegistration}. */
export interface RegistrationInput {
  readonly activity: RegistrationActivity;
  readonly counts: SeatCounts;
  readonly applicant: Applicant;
  /** Member or guest plus companions; default 1. */
  readonly partySize?: number;
  readonly now: Date;
}

/** An accepted registration: the whole party is confirmed or waitlisted. */
export interface RegistrationDecision {
  readonly status: "confirmed" | "waitlisted";
  readonly partySize: number;
  /** Why a party with free seats was waitlisted. */
  readonly reason?: "no_show_penalty";
}

/** Refusals of {@link decideRegistration}. */
export type RegistrationRefusal =
  | Refusal<"ACTIVITY_NOT_PUBLISHED">
  | Refusal<"ACTIVITY_CANCELLED">
  | Refusal<"ACTIVITY_ENDED">
  | Refusal<"WALK_IN_ONLY">
  | Refusal<"REGISTRATION_NOT_OPEN", { opensAt: Date }>
  | Refusal<"REGISTRATION_CLOSED", { closedAt: Date }>
  | Refusal<"MEMBERS_ONLY">
  | Refusal<"MEMBERSHIP_INACTIVE", { membershipStatus: MembershipStatus }>
  | Refusal<"ALREADY_REGISTERED">
  | Refusal<"INVALID_PARTY_SIZE">
  | Refusal<"PARTY_TOO_LARGE", { maxPartySize: number }>
  | Refusal<"ACTIVITY_FULL">
  | Refusal<"NO_SHOW_PENALTY", { until: Date }>;

/**
 * Decides a registration. Call it in the transaction that locks the activity row, with
 * the confirmed seats counted under that lock, so confirmed seats never exceed capacity.
 *
 * Checks, in order: published, not cancelled, not ended, registration not `none`, open
 * window, audience (`MEMBERS_ONLY` for guests), membership privileges, duplicate, party
 * size; then seats: a party that fits is confirmed as a whole, otherwise waitlisted as a
 * whole (or `ACTIVITY_FULL` without a waitlist). A member under a no-show penalty is
 * waitlisted for capacity-limited activities.
 *
 * @example
 * decideRegistration({ activity, counts: { confirmedSeats: 29 }, partySize: 2,
 *   applicant: { kind: "member", membershipStatus: "active", alreadyRegistered: false }, now })
 * // capacity 30 → { ok: true, value: { status: "waitlisted", partySize: 2 } }
 */
export function decideRegistration(
  input: RegistrationInput,
): Result<RegistrationDecision, RegistrationRefusal> {
  const { activity, applicant, now } = input;
  const partySize = input.partySize ?? 1;

  if (activity.status === "draft") {
    return err("ACTIVITY_NOT_PUBLISHED", "This activity is not published.");
  }
  if (activity.status === "cancelled") {
    return err("ACTIVITY_CANCELLED", "This activity was cancelled.");
  }
  if (now >= activity.endsAt) return err("ACTIVITY_ENDED", "This activity is over.");
  if (activity.registration === "none") {
    return err("WALK_IN_ONLY", "No registration needed: just come.");
  }
  if (activity.opensAt && now < activity.opensAt) {
    return err("REGISTRATION_NOT_OPEN", "Registration is not open yet.", {
      opensAt: activity.opensAt,
    });
  }
  const closedAt = registrationClosesAt(activity);
  if (now >= closedAt) {
    return err("REGISTRATION_CLOSED", "Registration is closed.", { closedAt });
  }
  if (applicant.kind === "guest") {
    if (activity.audience === "members") {
      return err("MEMBERS_ONLY", "This activity is for members only.");
    }
  } else {
    const privileges = privilegesFor(applicant.membershipStatus);
    const allowed =
      activity.audience === "members"
        ? privileges.membersOnlyActivities
        : privileges.publicActivities;
    if (!allowed) {
      return err("MEMBERSHIP_INACTIVE", "The membership does not allow this activity.", {
        membershipStatus: applicant.membershipStatus,
      });
    }
  }
  if (applicant.alreadyRegistered) {
    return err("ALREADY_REGISTERED", "Already registered for this activity.");
  }
  if (!Number.isInteger(partySize) || partySize < 1) {
    return err("INVALID_PARTY_SIZE", "A party is one person or more.");
  }
  const maxPartySize =
    activity.capacity === null
      ? activity.maxPartySize
      : Math.min(activity.maxPartySize, activity.capacity);
  if (partySize > maxPartySize) {
    return err("PARTY_TOO_LARGE", `At most ${maxPartySize} per registration.`, { maxPartySize });
  }
  if (activity.capacity === null) return ok({ status: "confirmed", partySize });

  const penaltyUntil = applicant.kind === "member" ? applicant.noShowPenaltyUntil : null;
  if (penaltyUntil && now < penaltyUntil) {
    if (!activity.waitlistEnabled) {
      return err("NO_SHOW_PENALTY", "After repeated no-shows only the waitlist is open for now.", {
        until: penaltyUntil,
      });
    }
    return ok({ status: "waitlisted", partySize, reason: "no_show_penalty" });
  }
  if (input.counts.confirmedSeats + partySize <= activity.capacity) {
    return ok({ status: "confirmed", partySize });
  }
  if (!activity.waitlistEnabled) return err("ACTIVITY_FULL", "This activity is full.");
  return ok({ status: "waitlisted", partySize });
}

/**
 * Whether registration is possible now, for a calendar or an activity page to say so
 * before anyone clicks: `unavailable` (draft, cancelled or over), `walk_in_only`
 * (registration `none`), `not_yet_open`, `closed`, or `open` (seats may still be full:
 * the party is then waitlisted).
 */
export type RegistrationState = "open" | "not_yet_open" | "closed" | "walk_in_only" | "unavailable";

/** The registration state of an activity at `now` (see {@link RegistrationState}). */
export function registrationState(
  activity: Pick<
    Activity,
    "status" | "registration" | "opensAt" | "closesAt" | "startsAt" | "endsAt"
  >,
  now: Date,
): RegistrationState {
  if (activity.status !== "published" || now >= activity.endsAt) return "unavailable";
  if (activity.registration === "none") return "walk_in_only";
  if (activity.opensAt && now < activity.opensAt) return "not_yet_open";
  if (now >= registrationClosesAt(activity)) return "closed";
  return "open";
}
