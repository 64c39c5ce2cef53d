/** When to remind a member that their membership is about to end. */
import { addDays, type CalendarDate } from "../shared/calendar.js";
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
