// Activity reminders 24 hours before the start (DESIGN §2.5), to confirmed registrants: a
// sweep any number of API instances may run at once; the outbox's dedupe key (per
// registration and start time) sends each reminder once, and again only if the time moves.
import {
  type ActivityRow,
  confirmedRegistrationsStarting,
  type Database,
  getLocation,
  type RegistrationRow,
  toActivity,
} from "@readers/db";
import { ACTIVITY_REMINDER_HOURS_BEFORE, activityReminderDue } from "@readers/domain";
import { activityPayload, recipientOf } from "../activities/notify.ts";
import { enqueueNotification } from "../notifications/notify.ts";

export async function runActivityReminders(
  db: Database,
  services: { publicUrl: string; timezone: string },
  now: Date,
): Promise<number> {
  const until = new Date(now.getTime() + ACTIVITY_REMINDER_HOURS_BEFORE * 3_600_000);
  const candidates = await confirmedRegistrationsStarting(db, now, until);
  const byActivity = new Map<string, { activity: ActivityRow; regs: RegistrationRow[] }>();
  for (const { registration, activity } of candidates) {
    const due = activityReminderDue({
      activity: toActivity(activity),
      registration,
      confirmedAt: registration.promotedAt ?? registration.createdAt,
      now,
    });
    if (!due) continue;
    const entry = byActivity.get(activity.id) ?? { activity, regs: [] };
    entry.regs.push(registration);
    byActivity.set(activity.id, entry);
  }
  let queued = 0;
  for (const { activity, regs } of byActivity.values()) {
    const location = await getLocation(db, activity.locationId);
    const payload = activityPayload(activity, {
      locationName: location?.name ?? null,
      publicUrl: services.publicUrl,
      timeZone: services.timezone,
    });
    queued += await db.transaction(async (tx) => {
      let n = 0;
      for (const reg of regs) {
        const registrant = recipientOf(reg);
        if (!registrant) continue;
        n += await enqueueNotification(
          tx,
          { kind: "activity_reminder", activityId: activity.id, registrants: [registrant] },
          { ...payload, registrationId: reg.id, partySize: reg.partySize, guest: !reg.memberId },
          { dedupeKey: `activity-reminder:${reg.id}:${activity.startsAt.toISOString()}` },
        );
      }
      return n;
    });
  }
  return queued;
}
