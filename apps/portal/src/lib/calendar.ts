// Calendar arithmetic for the activities calendar: month grids, days in the association's
// time zone, which activity falls on which day, and where a key press moves the focus.
import {
  addDays,
  addMonths,
  type CalendarDate,
  compareDates,
  dateInZone,
  dateParts,
  daysInMonth,
  formatDate,
  isCalendarDate,
  zonedInstant,
} from "@readers/domain";

/** A month as `YYYY-MM`. */
export type MonthKey = string;

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonthKey(value: unknown): value is MonthKey {
  return typeof value === "string" && MONTH_PATTERN.test(value);
}

/** The month a date is in. */
export function monthOf(date: CalendarDate): MonthKey {
  return date.slice(0, 7);
}

/** The first day of a month. */
export function firstOfMonth(month: MonthKey): CalendarDate {
  return `${month}-01`;
}

/** The month `months` after (or before, when negative) `month`. */
export function shiftMonth(month: MonthKey, months: number): MonthKey {
  return monthOf(addMonths(firstOfMonth(month), months));
}

/**
 * Day of the week, 0 = Monday … 6 = Sunday. Weeks start on Monday (ISO 8601), as they do
 * on calendars in China and in most of the world; one rule for both languages.
 */
export function weekdayIndex(date: CalendarDate): number {
  const { year, month, day } = dateParts(date);
  return (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
}

export interface GridDay {
  date: CalendarDate;
  /** False for the days of the previous and next month that fill the first and last week. */
  inMonth: boolean;
}

/** The weeks shown for a month: Monday to Sunday, 4 to 6 rows. */
export function monthGrid(month: MonthKey): GridDay[][] {
  const first = firstOfMonth(month);
  const { year, month: m } = dateParts(first);
  const last = formatDate(year, m, daysInMonth(year, m));
  const weeks: GridDay[][] = [];
  let day = addDays(first, -weekdayIndex(first));
  while (compareDates(day, last) <= 0) {
    const week: GridDay[] = [];
    for (let i = 0; i < 7; i++) {
      week.push({ date: day, inMonth: monthOf(day) === month });
      day = addDays(day, 1);
    }
    weeks.push(week);
  }
  return weeks;
}

/** The first and last day a month grid shows. */
export function gridRange(month: MonthKey): { first: CalendarDate; last: CalendarDate } {
  const weeks = monthGrid(month);
  return { first: weeks[0]![0]!.date, last: weeks.at(-1)![6]!.date };
}

/** The instant a day begins in `timeZone` (midnight there, whatever the browser's zone). */
export function startOfDay(date: CalendarDate, timeZone: string): Date {
  return zonedInstant({ ...dateParts(date), hour: 0, minute: 0 }, timeZone);
}

/** From the start of `first` to the start of the day after `last`, in `timeZone`. */
export function daysRange(
  first: CalendarDate,
  last: CalendarDate,
  timeZone: string,
): { from: Date; to: Date } {
  return { from: startOfDay(first, timeZone), to: startOfDay(addDays(last, 1), timeZone) };
}

/** The first and last day (in `timeZone`) an activity runs on; one ending at midnight ends the day before. */
export function activityDays(
  activity: { startsAt: string; endsAt: string },
  timeZone: string,
): { first: CalendarDate; last: CalendarDate } {
  const starts = new Date(activity.startsAt);
  const ends = new Date(Math.max(starts.getTime(), new Date(activity.endsAt).getTime() - 1));
  return { first: dateInZone(starts, timeZone), last: dateInZone(ends, timeZone) };
}

/**
 * Activities by the days they run on between `first` and `last`: an exhibition of three
 * weeks is on each of its days. Each day keeps the listing's order (by start).
 */
export function activitiesByDay<T extends { startsAt: string; endsAt: string }>(
  activities: readonly T[],
  range: { first: CalendarDate; last: CalendarDate },
  timeZone: string,
): Map<CalendarDate, T[]> {
  const days = new Map<CalendarDate, T[]>();
  for (const activity of activities) {
    const span = activityDays(activity, timeZone);
    let day = compareDates(span.first, range.first) < 0 ? range.first : span.first;
    const last = compareDates(span.last, range.last) > 0 ? range.last : span.last;
    while (compareDates(day, last) <= 0) {
      const list = days.get(day) ?? [];
      list.push(activity);
      days.set(day, list);
      day = addDays(day, 1);
    }
  }
  return days;
}

/**
 * Where a key moves the focused day of a month grid (the WAI-ARIA date grid keys): arrows
 * by a day or a week, Home/End to the week's ends, Page Up/Down by a month (with Shift, a
 * year). Undefined for any other key.
 */
export function dateAfterKey(
  date: CalendarDate,
  key: string,
  shift = false,
): CalendarDate | undefined {
  switch (key) {
    case "ArrowLeft":
      return addDays(date, -1);
    case "ArrowRight":
      return addDays(date, 1);
    case "ArrowUp":
      return addDays(date, -7);
    case "ArrowDown":
      return addDays(date, 7);
    case "Home":
      return addDays(date, -weekdayIndex(date));
    case "End":
      return addDays(date, 6 - weekdayIndex(date));
    case "PageUp":
      return addMonths(date, shift ? -12 : -1);
    case "PageDown":
      return addMonths(date, shift ? 12 : 1);
    default:
      return undefined;
  }
}

export { isCalendarDate };
