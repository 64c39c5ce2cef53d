// Membership expiry reminders (30 and 7 days before the end, DESIGN §2.5): a daily sweep
// that any number of API instances may run; the outbox's dedupe key sends each reminder once.
import { type Database, membershipsEndingOn, toTier } from "@readers/db";
import {
  addDays,
  DEFAULT_MEMBERSHIP_SETTINGS,
  membershipExpiryNoticeDue,
  membershipStatusOn,
} from "@readers/domain";
import { facts, todayIn } from "../members/views.ts";
import { enqueueNotification } from "../notifications/notify.ts";

export async function runExpiryReminders(
  db: Database,
  timezone: string,
  now: Date,
): Promise<number> {
  const today = todayIn(now, timezone);
  const noticeDays = DEFAULT_MEMBERSHIP_SETTINGS.expiryNoticeDays;
  const candidates = await membershipsEndingOn(
    db,
    noticeDays.map((d) => addDays(today, d)),
  );
  let queued = 0;
  for (const { membership, tier, member } of candidates) {
    const daysLeft = membershipExpiryNoticeDue(membership.endDate, today, noticeDays);
    if (daysLeft === null) continue;
    // Only members whose membership is running get "it ends soon" (not pending ones).
    if (membershipStatusOn(facts(membership), toTier(tier), today) !== "active") continue;
    queued += await db.transaction((tx) =>
      enqueueNotification(
        tx,
        { kind: "membership_expiring", memberId: member.id, daysLeft },
        { name: member.firstName, daysLeft, endDate: membership.endDate, tier: tier.name },
        { dedupeKey: `membership-expiring:${membership.id}:${membership.endDate}:${daysLeft}` },
      ),
    );
  }
  return queued;
}
