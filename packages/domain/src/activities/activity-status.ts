/** Publishing, editing and cancelling activities. */
import { err, ok, type Refusal, type Result } from "../shared/result.js";
import type { Activity } from "./activity.js";

/** Refusals of {@link decidePublication} and {@link decideActivityCancellation}. */
export type ActivityStatusRefusal =
  | Refusal<"INVALID_ACTIVITY_STATUS", { status: Activity["status"] }>
  | Refusal<"ACTIVITY_ENDED">;

/** Decides publishing: only a draft that has not ended yet. */
export function decidePublication(
  activity: Pick<Activity, "status" | "endsAt">,
  now: Date,
): Result<{ status: "published" }, ActivityStatusRefusal> {
  if (activity.status !== "draft") {
    return err("INVALID_ACTIVITY_STATUS", "Only a draft can be published.", {
      status: activity.status,
    });
  }
  if (now >= activity.endsAt) return err("ACTIVITY_ENDED", "This activity is already over.");
  return ok({ status: "published" });
}

/**
 * Decides cancelling an activity: not twice, not once it is over. `notifyRegistrants`
 * says whether registrants must hear of it (a draft has none).
 */
export function decideActivityCancellation(
  activity: Pick<Activity, "status" | "endsAt">,
  now: Date,
): Result<{ status: "cancelled"; notifyRegistrants: boolean }, ActivityStatusRefusal> {
  if (activity.status === "cancelled") {
    return err("INVALID_ACTIVITY_STATUS", "This activity is already cancelled.", {
      status: activity.status,
    });
  }
  if (now >= activity.endsAt) return err("ACTIVITY_ENDED", "This activity is already over.");
  return ok({ status: "cancelled", notifyRegistrants: activity.status === "published" });
}

/** Fields that only describe an activity: fixing them never affects anyone's booking. */
const DESCRIPTIVE_FIELDS = [
  "title",
  "summary",
  "description",
  "featuredBooks",
  "featuredBookIds",
  "partnerNames",
  "partnerIds",
] as const satisfies readonly (keyof Activity)[];

/** Changing these tells every registrant (DESIGN §2.5: "activity changed"). */
const NOTIFIED_FIELDS = ["startsAt", "endsAt", "locationId"] as const;

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => sameValue(item, b[index]));
  }
  return a === b;
}

/** The fields whose value differs between two versions of an activity. */
export function changedActivityFields(before: Activity, after: Activity): (keyof Activity)[] {
  return (Object.keys(after) as (keyof Activity)[]).filter(
    (key) => !sameValue(before[key], after[key]),
  );
}

/** An accepted edit of an activity. */
export interface ActivityUpdateDecision {
  /** What changed (empty when the patch changed nothing). */
  readonly changed: readonly (keyof Activity)[];
  /** Time or venue of a published activity changed: tell confirmed and waitlisted registrants. */
  readonly notifyRegistrants: boolean;
  /** Seats were added before the start: run `planWaitlistPromotion`. */
  readonly promoteWaitlist: boolean;
}

/** Refusals of {@link decideActivityUpdate}. */
export type ActivityUpdateRefusal =
  | ActivityStatusRefusal
  | Refusal<"CAPACITY_BELOW_CONFIRMED", { confirmedSeats: number }>;

/**
 * Decides an edit: `next` is the stored activity with the patch merged in and already
 * parsed by `ActivitySchema` (so its own fields agree). Refused for a cancelled activity;
 * once it is over only descriptive fields (title, summary, description, books, partners)
 * may change, and nothing may be moved to end in the past; the capacity may not drop
 * below the seats already confirmed, which would overbook.
 */
export function decideActivityUpdate(input: {
  readonly current: Activity;
  readonly next: Activity;
  /** Confirmed seats, counted under the activity's lock. */
  readonly confirmedSeats: number;
  readonly now: Date;
}): Result<ActivityUpdateDecision, ActivityUpdateRefusal> {
  const { current, next, confirmedSeats, now } = input;
  if (current.status === "cancelled") {
    return err("INVALID_ACTIVITY_STATUS", "A cancelled activity cannot be edited.", {
      status: current.status,
    });
  }
  const changed = changedActivityFields(current, next);
  const descriptive = new Set<keyof Activity>(DESCRIPTIVE_FIELDS);
  const scheduling = changed.filter((field) => !descriptive.has(field));
  if (scheduling.length > 0 && (now >= current.endsAt || now >= next.endsAt)) {
    return err("ACTIVITY_ENDED", "An activity that is over (or would be) keeps its schedule.");
  }
  if (next.capacity !== null && next.capacity < confirmedSeats) {
    return err(
      "CAPACITY_BELOW_CONFIRMED",
      `${confirmedSeats} seats are confirmed; the capacity cannot be lower.`,
      { confirmedSeats },
    );
  }
  const published = current.status === "published";
  const moreSeats =
    changed.includes("capacity") &&
    (next.capacity === null || (current.capacity !== null && next.capacity > current.capacity));
  return ok({
    changed,
    notifyRegistrants: published && NOTIFIED_FIELDS.some((field) => changed.includes(field)),
    promoteWaitlist: published && moreSeats && now < next.startsAt,
  });
}
