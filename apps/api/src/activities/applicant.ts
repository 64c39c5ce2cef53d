// A member as a registration decision sees them: membership status from the members area
// and the no-show penalty from their recent no-shows and late cancellations.
import {
  currentMembership,
  type Database,
  type MembershipRow,
  type StrikeFact,
  strikeCandidates,
  type TierRow,
  type Tx,
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

/** Strikes older than this can no longer matter at `now` (the window plus the penalty). */
export function strikesSince(now: Date, settings: NoShowSettings = DEFAULT_NO_SHOW_SETTINGS): Date {
  return new Date(now.getTime() - (settings.windowDays + settings.penaltyDays) * MS_PER_DAY);
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
    /**
     * The strike candidates since `strikesSince(now, settings)` when the caller already read
     * them (`memberOfUser` with `strikesSince`).
     */
    strikes?: StrikeFact[];
  } = {},
): Promise<MemberStanding> {
  const settings = options.settings ?? DEFAULT_NO_SHOW_SETTINGS;
  const current =
    options.current === undefined ? await currentMembership(db, memberId) : options.current;
  const membershipStatus: MembershipStatus = current
    ? membershipStatusOn(facts(current.membership), toTier(current.tier), todayIn(now, timeZone))
    : "cancelled";
  if (settings.penaltyDays === 0) return { membershipStatus, noShowPenaltyUntil: null };
  const candidates =
    options.strikes ??
    (await strikeCandidates(db, memberId, strikesSince(now, settings))).map(
      ({ registration, activity }): StrikeFact => ({
        status: registration.status,
        checkedInAt: registration.checkedInAt,
        lateCancellation: registration.lateCancellation,
        cancelledAt: registration.cancelledAt,
        startsAt: activity.startsAt,
        noShowAfterMinutes: activity.noShowAfterMinutes,
      }),
    );
  const strikes = candidates.flatMap((f) => {
    if (f.lateCancellation && f.cancelledAt) return [f.cancelledAt];
    return isNoShow({ status: f.status as "confirmed", checkedInAt: f.checkedInAt }, f, now)
      ? [f.startsAt]
      : [];
  });
  return { membershipStatus, noShowPenaltyUntil: noShowPenaltyUntil(strikes, now, settings) };
}
