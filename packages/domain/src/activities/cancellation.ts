/** Cancelling a registration: allowed until the start, late after the cutoff. */
import { err, ok, type Refusal, type Result } from "../shared/result.js";
import { type Activity, cancellationCutoffAt } from "./activity.js";
import type { Registration } from "./registration.js";

/** An accepted cancellation. */
export interface CancellationDecision {
  /** After the cutoff: counts towards no-shows (only for confirmed registrations). */
  readonly late: boolean;
  /** Seats freed (0 for a waitlisted registration). */
  readonly releasedSeats: number;
  /** Run {@link planWaitlistPromotion} now: seats were freed before the start. */
  readonly promoteWaitlist: boolean;
}

/** Refusals of {@link decideRegistrationCancellation}. */
export type CancellationRefusal =
  | Refusal<"REGISTRATION_ALREADY_CANCELLED">
  | Refusal<"ALREADY_ATTENDED">
  | Refusal<"ACTIVITY_STARTED">;

/**
 * Decides the cancellation of a registration by its holder (or an organizer).
 * Refused when already cancelled, already checked in, or once the activity started. A
 * confirmed registration cancelled after `start − cancellationCutoffMinutes` is `late`.
 * Cancelling in a cancelled activity is always allowed and never late.
 */
export function decideRegistrationCancellation(input: {
  readonly activity: Pick<Activity, "status" | "startsAt" | "cancellationCutoffMinutes">;
  readonly registration: Pick<Registration, "status" | "checkedInAt" | "partySize">;
  readonly now: Date;
}): Result<CancellationDecision, CancellationRefusal> {
  const { activity, registration, now } = input;
  if (registration.status === "cancelled") {
    return err("REGISTRATION_ALREADY_CANCELLED", "This registration is already cancelled.");
  }
  if (registration.checkedInAt) {
    return err("ALREADY_ATTENDED", "Already checked in; nothing to cancel.");
  }
  const confirmed = registration.status === "confirmed";
  if (activity.status === "cancelled") {
    return ok({
      late: false,
      releasedSeats: confirmed ? registration.partySize : 0,
      promoteWaitlist: false,
    });
  }
  if (now >= activity.startsAt) {
    return err("ACTIVITY_STARTED", "The activity has started; it can no longer be cancelled.");
  }
  return ok({
    late: confirmed && now > cancellationCutoffAt(activity),
    releasedSeats: confirmed ? registration.partySize : 0,
    promoteWaitlist: confirmed,
  });
}
