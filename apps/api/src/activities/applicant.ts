// A member as a registration decision sees them: membership status from the members area
// and the no-show penalty from their recent no-shows and late cancellations.
import {
  currentMembership,
  type Database,
  type MembershipRow,
  strikeCandidates,
  type TierRow,
  type Tx,
  toActivity,
  toTier,
} from "@readers/db";
import {
  DEFAULT_NO_SHOW_SETTINGS,
  isNoShow,
  type MembershipStatus,
  membershipStatusOn,
  type NoShowSettings,
  noShowPenaltyUntil,
} from "@readers/domain";
import { facts, todayIn } from "../members/views.ts";

const MS_PER_DAY = 86_400_000;

export interface MemberStanding {
  membershipStatus: MembershipStatus;
  noShowPenaltyUntil: Date | null;
}

/**
 * The member's standing at `now`. A member without any membership is a member of the public
 * again (the domain's `cancelled`: public activities only).
 */
export async function memberStanding(
  db: Database | Tx,
  memberId: string,
  now: Date,
  timeZone: string,
  options: {
    settings?: NoShowSettings;
    /** The current membership when the caller already has it (`memberOfUser`). */
    current?: { membership: MembershipRow; tier: TierRow } | null;
  } = {},
): Promise<MemberStanding> {
  const settings = options.settings ?? DEFAULT_NO_SHOW_SETTINGS;
  const current =
    options.current === undefined ? await currentMembership(db, memberId) : options.current;
  const membershipStatus: MembershipStatus = current
    ? membershipStatusOn(facts(current.membership), toTier(current.tier), todayIn(now, timeZone))
    : "cancelled";
  if (settings.penaltyDays === 0) return { membershipStatus, noShowPenaltyUntil: null };
  // A strike older than the window plus the penalty can no longer matter.
  const since = new Date(now.getTime() - (settings.windowDays + settings.penaltyDays) * MS_PER_DAY);
  const strikes = (await strikeCandidates(db, memberId, since)).flatMap(
    ({ registration, activity }) => {
      if (registration.lateCancellation && registration.cancelledAt)
        return [registration.cancelledAt];
      const a = toActivity(activity);
      return isNoShow(
        { status: registration.status as "confirmed", checkedInAt: registration.checkedInAt },
        a,
        now,
      )
        ? [a.startsAt]
        : [];
    },
  );
  return { membershipStatus, noShowPenaltyUntil: noShowPenaltyUntil(strikes, now, settings) };
}
