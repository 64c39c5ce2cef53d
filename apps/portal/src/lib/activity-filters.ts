// The calendar's filters as they live in the address (?view=month&kind=lecture&from=…), so
// back, reload and shared links show the same calendar; and as activities.list input.
import {
  ACTIVITY_KINDS,
  ACTIVITY_STATUSES,
  type ActivityKind,
  type ActivityStatus,
  AUDIENCES,
  type Audience,
  type CalendarDate,
  compareDates,
  isCalendarDate,
  SEARCH_TEXT_MAX_LENGTH,
} from "@readers/domain";
import type { Message } from "../i18n/index.ts";
import { daysRange, isMonthKey, type MonthKey, monthOf } from "./calendar.ts";

export const CALENDAR_VIEWS = ["list", "month"] as const;
export type CalendarView = (typeof CALENDAR_VIEWS)[number];

/** The address's query parameters, as the router gives them. */
export type FilterParams = {
  view?: string;
  kind?: string;
  audience?: string;
  status?: string;
  from?: string;
  to?: string;
  q?: string;
  month?: string;
};

export interface ActivityFilters {
  view: CalendarView;
  kind?: ActivityKind;
  audience?: Audience;
  /** Organizers' list only. */
  status?: ActivityStatus;
  from?: CalendarDate;
  to?: CalendarDate;
  q?: string;
  /** The month the month view shows. */
  month: MonthKey;
}

const pick = <T extends string>(values: readonly T[], value: string | undefined): T | undefined =>
  values.find((candidate) => candidate === value);

/** The filters from the address, with anything unknown dropped (`today` picks the month). */
export function readFilters(params: FilterParams, today: CalendarDate): ActivityFilters {
  const date = (value: string | undefined) => (value && isCalendarDate(value) ? value : undefined);
  const q = params.q?.trim().slice(0, SEARCH_TEXT_MAX_LENGTH) || undefined;
  return {
    view: pick(CALENDAR_VIEWS, params.view) ?? "list",
    kind: pick(ACTIVITY_KINDS, params.kind),
    audience: pick(AUDIENCES, params.audience),
    status: pick(ACTIVITY_STATUSES, params.status),
    from: date(params.from),
    to: date(params.to),
    q,
    month: isMonthKey(params.month) ? params.month : monthOf(today),
  };
}

/** A date range that ends before it starts. */
export function checkDateRange(
  from: CalendarDate | undefined,
  to: CalendarDate | undefined,
): Message | undefined {
  return from && to && compareDates(to, from) < 0 ? { key: "activities.rangeInvalid" } : undefined;
}

/**
 * activities.list input for the list view: the days from `from` to `to` (both included)
 * in the association's zone. Undefined while the range is the wrong way round.
 */
export function listInput(filters: ActivityFilters, timeZone: string, limit: number) {
  if (checkDateRange(filters.from, filters.to)) return undefined;
  return {
    kind: filters.kind,
    audience: filters.audience,
    status: filters.status,
    text: filters.q,
    from: filters.from
      ? daysRange(filters.from, filters.from, timeZone).from.toISOString()
      : undefined,
    to: filters.to ? daysRange(filters.to, filters.to, timeZone).to.toISOString() : undefined,
    limit,
  };
}
