// Membership expiry reminders (30 and 7 days before the end, DESIGN §2.5): a sweep that any
// number of API instances may run as often as they like. The domain picks the notice due
// (catching up when every server was down on the exact day); the outbox's dedupe key,
// per membership, end date and notice, sends each reminder once.
import { type Database, membershipsEndingBetween, toTier } from "@readers/db";
import {
  addDays,
  DEFAULT_MEMBERSHIP_SETTINGS,
  membershipExpiryNoticeToSend,
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
  const candidates = await membershipsEndingBetween(
    db,
    today,
    addDays(today, Math.max(...noticeDays)),
  );
  let queued = 0;
  for (const { membership, tier, member } of candidates) {
    const notice = membershipExpiryNoticeToSend(membership.endDate, today, noticeDays);
    if (!notice) continue;
    // Only members whose membership is running get "it ends soon" (not pending ones).
    if (membershipStatusOn(facts(membership), toTier(tier), today) !== "active") continue;
    queued += await db.transaction((tx) =>
      enqueueNotification(
        tx,
        { kind: "membership_expiring", memberId: member.id, daysLeft: notice.daysLeft },
        {
          name: member.firstName,
          daysLeft: notice.daysLeft,
          endDate: membership.endDate,
          tier: tier.name,
        },
        {
          dedupeKey: `membership-expiring:${membership.id}:${membership.endDate}:${notice.threshold}`,
        },
      ),
    );
  }
  return queued;
}
