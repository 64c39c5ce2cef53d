/** Attendance: who came, who did not, organizers' manual check-in on the roster, and summaries. */
import type { CheckInCounts } from "../checkin/check-in.js";
import { err, ok, type Refusal, type Result } from "../shared/result.js";
import { type Activity, checkInOpensAt, noShowAt } from "./activity.js";
import { isNoShow } from "./no-show.js";
import type { Registration } from "./registration.js";

/**
 * What became of a registration, as a roster or "my activities" shows it:
 * `expected` (confirmed, not checked in, no-show deadline not passed), `attended`,
 * `no_show`, `waitlisted`, `cancelled`, `late_cancellation` (after the cutoff: a strike
 * towards the no-show penalty). Registrations of a cancelled activity are `cancelled`.
 */
export type Attendance =
  | "expected"
  | "attended"
  | "no_show"
  | "waitlisted"
  | "cancelled"
  | "late_cancellation";

/** The registration fields attendance reads. */
export type AttendanceRegistration = Pick<
  Registration,
  "status" | "partySize" | "checkedInAt" | "lateCancellation"
> & {
  /** Seats actually checked in (part of a party may not come); `null` = the whole party. */
  readonly checkedInSeats?: number | null;
  /** A walk-in recorded at the kiosk, not a booking. */
  readonly walkIn?: boolean;
};

/** What became of one registration at `now`. */
export function registrationAttendance(
  registration: AttendanceRegistration,
  activity: Pick<Activity, "status" | "startsAt" | "noShowAfterMinutes">,
  now: Date,
): Attendance {
  if (registration.status === "cancelled") {
    return registration.lateCancellation ? "late_cancellation" : "cancelled";
  }
  if (registration.checkedInAt) return "attended";
  if (activity.status === "cancelled") return "cancelled";
  if (registration.status === "waitlisted") return "waitlisted";
  return isNoShow(registration, activity, now) ? "no_show" : "expected";
}

/** Counts for one activity's attendance report. Parties are registrations; seats are people. */
export interface AttendanceSummary {
  readonly confirmedParties: number;
  readonly confirmedSeats: number;
  readonly waitlistedParties: number;
  readonly waitlistedSeats: number;
  /** Booked parties that came (walk-ins not included). */
  readonly attendedParties: number;
  /** Everyone checked in, walk-ins included. */
  readonly attendedSeats: number;
  readonly noShowParties: number;
  readonly noShowSeats: number;
  readonly walkInParties: number;
  readonly walkInSeats: number;
  readonly lateCancellations: number;
  readonly cancellations: number;
  /** No-show parties ÷ confirmed booked parties, once the no-show deadline has passed; else null. */
  readonly noShowRate: number | null;
}

/** Sums up an activity's registrations at `now` (see {@link registrationAttendance}). */
export function attendanceSummary(
  activity: Pick<Activity, "status" | "startsAt" | "noShowAfterMinutes">,
  registrations: readonly AttendanceRegistration[],
  now: Date,
): AttendanceSummary {
  const counts = {
    confirmedParties: 0,
    confirmedSeats: 0,
    waitlistedParties: 0,
    waitlistedSeats: 0,
    attendedParties: 0,
    attendedSeats: 0,
    noShowParties: 0,
    noShowSeats: 0,
    walkInParties: 0,
    walkInSeats: 0,
    lateCancellations: 0,
    cancellations: 0,
  };
  for (const registration of registrations) {
    const seats = registration.checkedInSeats ?? registration.partySize;
    if (registration.walkIn) {
      if (registration.checkedInAt) {
        counts.walkInParties++;
        counts.walkInSeats += seats;
        counts.attendedSeats += seats;
      }
      continue;
    }
    if (registration.status === "confirmed") {
      counts.confirmedParties++;
      counts.confirmedSeats += registration.partySize;
    }
    switch (registrationAttendance(registration, activity, now)) {
      case "attended":
        counts.attendedParties++;
        counts.attendedSeats += seats;
        break;
      case "no_show":
        counts.noShowParties++;
        counts.noShowSeats += registration.partySize;
        break;
      case "waitlisted":
        counts.waitlistedParties++;
        counts.waitlistedSeats += registration.partySize;
        break;
      case "late_cancellation":
        counts.lateCancellations++;
        break;
      case "cancelled":
        if (registration.status === "cancelled") counts.cancellations++;
        break;
      case "expected":
        break;
    }
  }
  const deadlinePassed = activity.status === "published" && now >= noShowAt(activity);
  return {
    ...counts,
    noShowRate:
      deadlinePassed && counts.confirmedParties > 0
        ? counts.noShowParties / counts.confirmedParties
        : null,
  };
}

/** An accepted manual check-in. */
export interface ManualCheckInDecision {
  readonly outcome: "CHECKED_IN" | "ALREADY_CHECKED_IN";
  readonly checkedInAt: Date;
  /** Seats checked in (0 for a repeat: never counted twice). */
  readonly seats: number;
  /** A waitlisted party seated at the door becomes confirmed. */
  readonly confirm: boolean;
}

/** Refusals of {@link decideManualCheckIn}. */
export type ManualCheckInRefusal =
  | Refusal<"REGISTRATION_ALREADY_CANCELLED">
  | Refusal<"ACTIVITY_NOT_PUBLISHED">
  | Refusal<"ACTIVITY_CANCELLED">
  | Refusal<"CHECKIN_NOT_OPEN", { opensAt: Date }>
  | Refusal<"PARTY_TOO_LARGE", { maxPartySize: number }>
  | Refusal<"NOT_REGISTERED_AND_FULL", { freeSeats: number }>;

/**
 * Decides an organizer checking a registration in on the roster. Unlike the kiosk it has
 * no location and no closing time: organizers may record attendance from a paper list
 * after the end. A repeat returns the first check-in. `seats` (default: the whole party)
 * may be fewer than the party when not everyone came. A confirmed party is always let in
 * (the organizer sees the room); a waitlisted one needs free seats — those neither
 * checked in nor held for confirmed parties until the no-show deadline — and becomes
 * confirmed. Call it under the activity's lock.
 */
export function decideManualCheckIn(input: {
  readonly activity: Pick<
    Activity,
    "status" | "startsAt" | "capacity" | "checkInOpensMinutesBefore" | "noShowAfterMinutes"
  >;
  readonly registration: Pick<Registration, "status" | "partySize" | "checkedInAt">;
  readonly counts: CheckInCounts;
  readonly seats?: number;
  readonly now: Date;
}): Result<ManualCheckInDecision, ManualCheckInRefusal> {
  const { activity, registration, counts, now } = input;
  if (registration.checkedInAt) {
    return ok({
      outcome: "ALREADY_CHECKED_IN",
      checkedInAt: registration.checkedInAt,
      seats: 0,
      confirm: false,
    });
  }
  if (registration.status === "cancelled") {
    return err("REGISTRATION_ALREADY_CANCELLED", "This registration is cancelled.");
  }
  if (activity.status === "draft") {
    return err("ACTIVITY_NOT_PUBLISHED", "This activity is not published.");
  }
  if (activity.status === "cancelled") {
    return err("ACTIVITY_CANCELLED", "This activity was cancelled.");
  }
  const opensAt = checkInOpensAt(activity);
  if (now < opensAt) return err("CHECKIN_NOT_OPEN", "Check-in is not open yet.", { opensAt });
  const seats = input.seats ?? registration.partySize;
  if (seats > registration.partySize) {
    return err("PARTY_TOO_LARGE", `This party has ${registration.partySize} seats.`, {
      maxPartySize: registration.partySize,
    });
  }
  if (registration.status === "waitlisted") {
    const released = now >= noShowAt(activity);
    const freeSeats =
      activity.capacity === null
        ? Number.POSITIVE_INFINITY
        : activity.capacity - counts.checkedInSeats - (released ? 0 : counts.heldSeats);
    if (registration.partySize > freeSeats) {
      return err("NOT_REGISTERED_AND_FULL", "No free seats for this waitlisted party.", {
        freeSeats: Math.max(0, freeSeats),
      });
    }
  }
  return ok({
    outcome: "CHECKED_IN",
    checkedInAt: now,
    seats,
    confirm: registration.status === "waitlisted",
  });
}

/**
 * Undoing a check-in (a tap on the wrong name). Idempotent: undoing what is not checked in
 * changes nothing. The registration keeps its status; its seats are held again.
 */
export function decideUndoCheckIn(
  registration: Pick<Registration, "checkedInAt">,
): Result<{ readonly changed: boolean }, never> {
  return ok({ changed: registration.checkedInAt !== null });
}
