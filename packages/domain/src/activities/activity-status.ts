/** Publishing and cancelling activities. */
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
