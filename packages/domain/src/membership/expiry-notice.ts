/** When to remind a member that their membership is about to end. */
import { addDays, type CalendarDate, daysBetween } from "../shared/calendar.js";
import { DEFAULT_MEMBERSHIP_SETTINGS } from "./settings.js";

/**
 * The notice due on `today` for a membership ending on `endDate`: the number of days left
 * (30 or 7 by default) when today is exactly that many days before the end, else `null`.
 * Run once a day; the outbox's unique key keeps a re-run from sending twice.
 */
export function membershipExpiryNoticeDue(
  endDate: CalendarDate | null,
  today: CalendarDate,
  noticeDays: readonly number[] = DEFAULT_MEMBERSHIP_SETTINGS.expiryNoticeDays,
): number | null {
  if (endDate === null) return null;
  return noticeDays.find((days) => addDays(endDate, -days) === today) ?? null;
}

/**
 * The notice to send on `today` when the sweep may have missed days (every server down on
 * the exact date): the smallest notice threshold (30, 7) that the days left have reached,
 * or `null` when the end is further off than every threshold, or already past. Key the
 * outbox message by the threshold so each is sent once.
 *
 * @example membershipExpiryNoticeToSend("2026-03-31", "2026-03-03") // 30 (28 days left, the 30-day notice is due)
 */
export function membershipExpiryNoticeToSend(
  endDate: CalendarDate | null,
  today: CalendarDate,
  noticeDays: readonly number[] = DEFAULT_MEMBERSHIP_SETTINGS.expiryNoticeDays,
): { threshold: number; daysLeft: number } | null {
  if (endDate === null) return null;
  const daysLeft = daysBetween(today, endDate);
  if (daysLeft < 0) return null;
  const reached = noticeDays.filter((days) => daysLeft <= days);
  if (reached.length === 0) return null;
  return { threshold: Math.min(...reached), daysLeft };
}
