/** The 24-hour reminder to confirmed registrants (DESIGN §2.5). */
import { activityReminderAt } from "../notifications/events.js";
import type { Activity } from "./activity.js";
import type { Registration } from "./registration.js";

/**
 * `true` when a registration should get its reminder at `now`: the activity is published
 * and starts within the reminder window (24 hours), the registration is confirmed and not
 * checked in, and it was confirmed before the window opened — someone who booked or was
 * promoted within the last day just got a confirmation and needs no reminder.
 *
 * @param confirmedAt - when the registration became confirmed (promotion time, or creation).
 */
export function activityReminderDue(input: {
  readonly activity: Pick<Activity, "status" | "startsAt">;
  readonly registration: Pick<Registration, "status" | "checkedInAt">;
  readonly confirmedAt: Date;
  readonly now: Date;
}): boolean {
  const { activity, registration, confirmedAt, now } = input;
  const remindAt = activityReminderAt(activity);
  return (
    activity.status === "published" &&
    registration.status === "confirmed" &&
    !registration.checkedInAt &&
    now >= remindAt &&
    now < activity.startsAt &&
    confirmedAt < remindAt
  );
}
