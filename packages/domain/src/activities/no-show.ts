/** No-shows: who did not come, and the waitlist-only penalty for repeated no-shows. */
import { z } from "zod";
import { type Activity, noShowAt } from "./activity.js";
import type { Registration } from "./registration.js";

/** Thresholds beyond these stop being a deterrent and start being a ban. */
export const NO_SHOW_THRESHOLD_MAX = 20;
/** Longest look-back window (a year). */
export const NO_SHOW_WINDOW_DAYS_MAX = 366;
/** Longest penalty (a year). */
export const NO_SHOW_PENALTY_DAYS_MAX = 366;

/**
 * Defaults: 3 no-shows (late cancellations included) within 90 days make a member
 * waitlist-only for capacity-limited activities for 30 days. `penaltyDays: 0` turns it off.
 */
export const DEFAULT_NO_SHOW_SETTINGS = {
  threshold: 3,
  windowDays: 90,
  penaltyDays: 30,
} as const;

/** No-show penalty settings. */
export const NoShowSettingsSchema = z.object({
  threshold: z
    .number()
    .int()
    .min(1)
    .max(NO_SHOW_THRESHOLD_MAX)
    .default(DEFAULT_NO_SHOW_SETTINGS.threshold),
  windowDays: z
    .number()
    .int()
    .min(1)
    .max(NO_SHOW_WINDOW_DAYS_MAX)
    .default(DEFAULT_NO_SHOW_SETTINGS.windowDays),
  penaltyDays: z
    .number()
    .int()
    .min(0)
    .max(NO_SHOW_PENALTY_DAYS_MAX)
    .default(DEFAULT_NO_SHOW_SETTINGS.penaltyDays),
});

/** No-show penalty settings (parsed). */
export type NoShowSettings = z.output<typeof NoShowSettingsSchema>;

const MS_PER_DAY = 86_400_000;

/**
 * `true` when a confirmed registration was not checked in by `start + noShowAfterMinutes`
 * (15 by default). Its seats are then released to walk-ins.
 */
export function isNoShow(
  registration: Pick<Registration, "status" | "checkedInAt">,
  activity: Pick<Activity, "startsAt" | "noShowAfterMinutes">,
  now: Date,
): boolean {
  return (
    registration.status === "confirmed" && !registration.checkedInAt && now >= noShowAt(activity)
  );
}

/**
 * End of the member's no-show penalty, or `null` when none applies at `now`.
 *
 * @param strikes - when each no-show happened (the activity's start) and each late
 *   cancellation was made; any order.
 */
export function noShowPenaltyUntil(
  strikes: readonly Date[],
  now: Date,
  settings: NoShowSettings = DEFAULT_NO_SHOW_SETTINGS,
): Date | null {
  if (settings.penaltyDays === 0) return null;
  const times = strikes
    .map((strike) => strike.getTime())
    .filter((time) => time <= now.getTime())
    .sort((a, b) => a - b);
  let until: number | null = null;
  for (let last = settings.threshold - 1; last < times.length; last++) {
    const first = times[last - settings.threshold + 1] as number;
    const end = times[last] as number;
    if (end - first <= settings.windowDays * MS_PER_DAY) {
      until = end + settings.penaltyDays * MS_PER_DAY;
    }
  }
  return until !== null && until > now.getTime() ? new Date(until) : null;
}
