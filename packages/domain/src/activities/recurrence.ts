/** Recurring sessions: weekly or monthly at the same wall-clock time in the association's zone. */
import { z } from "zod";
import {
  addDays,
  addMonths,
  type CalendarDate,
  dateParts,
  daysInMonth,
  formatDate,
} from "../shared/calendar.js";
import { InstantSchema } from "../shared/schemas.js";
import { zonedParts } from "../shared/time-zone.js";

/**
 * `weekly`: every `interval` weeks. `monthly`: the same day of the month (the 31st becomes
 * the month's last day). `monthly_weekday`: the same weekday of the same week of the month
 * ("the second Tuesday"; a fifth one becomes the last one).
 */
export const SERIES_FREQUENCIES = ["weekly", "monthly", "monthly_weekday"] as const;
/** How a series repeats. */
export type SeriesFrequency = (typeof SERIES_FREQUENCIES)[number];

/** Every 4 weeks or every 4 months is still a series; sparser is a list of dates. */
export const SERIES_INTERVAL_MAX = 4;

/** The first session and how it repeats; `count` sessions in all (the first included). */
export const SeriesRepeatSchema = z.object({
  frequency: z.enum(SERIES_FREQUENCIES),
  interval: z.number().int().min(1).max(SERIES_INTERVAL_MAX).default(1),
  // The series module caps `count` at SERIES_SESSIONS_MAX.
  count: z.number().int().min(1),
  startsAt: InstantSchema,
  endsAt: InstantSchema,
});

/** A parsed repeat rule. */
export type SeriesRepeat = z.output<typeof SeriesRepeatSchema>;

/**
 * The instant at which clocks in `timeZone` show the given wall time. In a daylight-saving
 * gap (a time that does not exist) the result is shifted by the gap, as clocks would be.
 *
 * @example zonedInstant({ year: 2025, month: 3, day: 4, hour: 19, minute: 0 }, "Asia/Shanghai")
 * // 2025-03-04T11:00:00.000Z
 */
export function zonedInstant(
  wall: { year: number; month: number; day: number; hour: number; minute: number; second?: number },
  timeZone: string,
): Date {
  const asUtc = Date.UTC(
    wall.year,
    wall.month - 1,
    wall.day,
    wall.hour,
    wall.minute,
    wall.second ?? 0,
  );
  const offsetAt = (instant: number) => {
    const p = zonedParts(new Date(instant), timeZone);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - instant;
  };
  // The offset at the guess may differ from the offset at the answer near a transition;
  // a second pass settles on the right side.
  const first = asUtc - offsetAt(asUtc);
  const second = asUtc - offsetAt(first);
  return new Date(second);
}

/** Day of week of a calendar date: 0 = Sunday … 6 = Saturday. */
function weekday(date: CalendarDate): number {
  const { year, month, day } = dateParts(date);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** The `nth` (1–5, 5 = last) `dayOfWeek` of the month holding `monthOf`. */
function nthWeekdayOfMonth(monthOf: CalendarDate, dayOfWeek: number, nth: number): CalendarDate {
  const { year, month } = dateParts(monthOf);
  const first = formatDate(year, month, 1);
  const firstMatch = 1 + ((dayOfWeek - weekday(first) + 7) % 7);
  let day = firstMatch + (nth - 1) * 7;
  while (day > daysInMonth(year, month)) day -= 7;
  return formatDate(year, month, day);
}

/**
 * The sessions of a repeat rule, in order: each at the first session's wall-clock time in
 * `timeZone` (so a 19:00 club stays at 19:00 across daylight-saving changes) and with the
 * first session's duration.
 */
export function recurringSessions(
  repeat: SeriesRepeat,
  timeZone: string,
): { startsAt: Date; endsAt: Date }[] {
  const duration = repeat.endsAt.getTime() - repeat.startsAt.getTime();
  const wall = zonedParts(repeat.startsAt, timeZone);
  const firstDate = formatDate(wall.year, wall.month, wall.day);
  const nth = Math.ceil(wall.day / 7);
  const dates: CalendarDate[] = [];
  for (let index = 0; index < repeat.count; index++) {
    const step = index * repeat.interval;
    if (repeat.frequency === "weekly") dates.push(addDays(firstDate, step * 7));
    else if (repeat.frequency === "monthly") dates.push(addMonths(firstDate, step));
    else
      dates.push(
        nthWeekdayOfMonth(
          addMonths(formatDate(wall.year, wall.month, 1), step),
          weekday(firstDate),
          nth,
        ),
      );
  }
  return dates.map((date) => {
    const { year, month, day } = dateParts(date);
    const startsAt = zonedInstant({ ...wall, year, month, day }, timeZone);
    return { startsAt, endsAt: new Date(startsAt.getTime() + duration) };
  });
}
