// The series form: the series itself, a template for its sessions (the activity form without
// times and registration windows, which differ per session) and the schedule — a repeat rule
// (weekly or monthly, N sessions) or explicit dates — to activities.createSeries input,
// judged by the domain's schemas.
import {
  SERIES_SESSIONS_MAX,
  type SeriesCreateInput,
  SeriesCreateInputSchema,
  type SeriesFrequency,
  SeriesRepeatSchema,
  SeriesSchema,
  SUMMARY_MAX_LENGTH,
  TITLE_MAX_LENGTH,
} from "@readers/domain";
import type { Message } from "../i18n/index.ts";
import {
  type ActivityFormValues,
  type ActivityProblems,
  checkActivityForm,
  checkSessionTimes,
  fromWallTime,
} from "./activity-form.ts";
import { bounds, isWholeNumberIn, wholeNumber } from "./numbers.ts";

export type SeriesSchedule = "repeat" | "dates";

export interface SessionTimes {
  startsAt: string;
  endsAt: string;
}

export interface SeriesFormValues {
  title: string;
  summary: string;
  completionPercent: string;
  schedule: SeriesSchedule;
  /** Repeat rule; its first session's times are the template's Starts and Ends. */
  frequency: SeriesFrequency;
  interval: string;
  count: string;
  /** Explicit dates. */
  sessions: SessionTimes[];
  /** Publish every session at once instead of leaving them as drafts. */
  publish: boolean;
}

export type SeriesField = "title" | "summary" | "completionPercent" | "interval" | "count";

export const SERIES_BOUNDS = {
  completionPercent: bounds(SeriesSchema.shape.completionPercent),
  interval: bounds(SeriesRepeatSchema.shape.interval),
  count: { min: 1, max: SERIES_SESSIONS_MAX },
};

export interface SeriesProblems {
  series: Partial<Record<SeriesField, Message>>;
  template: ActivityProblems;
  sessions: { startsAt?: Message; endsAt?: Message }[];
  /** About the list of dates as a whole (none, too many). */
  schedule?: Message;
}

export function seriesFormValues(): SeriesFormValues {
  return {
    title: "",
    summary: "",
    completionPercent: String(SeriesSchema.shape.completionPercent.parse(undefined)),
    schedule: "repeat",
    frequency: "weekly",
    interval: "1",
    count: "4",
    sessions: [{ startsAt: "", endsAt: "" }],
    publish: false,
  };
}

// A valid pair for checking the template alone when the dates are listed one by one.
const STAND_IN_TIMES = { startsAt: "2000-01-03T10:00", endsAt: "2000-01-03T11:00" };

const isEmpty = (problems: object) => Object.keys(problems).length === 0;

/** Every problem of the form, or the parsed activities.createSeries input when there is none. */
export function checkSeriesForm(
  values: SeriesFormValues,
  template: ActivityFormValues,
  timeZone: string,
): { ok: true; input: SeriesCreateInput } | { ok: false; problems: SeriesProblems } {
  const problems: SeriesProblems = { series: {}, template: {}, sessions: [] };
  const title = values.title.trim();
  if (!title) problems.series.title = { key: "validation.titleRequired" };
  else if (title.length > TITLE_MAX_LENGTH)
    problems.series.title = { key: "validation.textTooLong", params: { max: TITLE_MAX_LENGTH } };
  if (values.summary.trim().length > SUMMARY_MAX_LENGTH)
    problems.series.summary = {
      key: "validation.textTooLong",
      params: { max: SUMMARY_MAX_LENGTH },
    };
  if (!isWholeNumberIn(values.completionPercent, SERIES_BOUNDS.completionPercent))
    problems.series.completionPercent = {
      key: "validation.wholeNumber",
      params: SERIES_BOUNDS.completionPercent,
    };

  const repeat = values.schedule === "repeat";
  const checked = checkActivityForm(
    { ...template, ...(repeat ? {} : STAND_IN_TIMES), opensAt: "", closesAt: "" },
    timeZone,
  );
  if (!checked.ok) problems.template = checked.problems;

  if (repeat) {
    if (!isWholeNumberIn(values.interval, SERIES_BOUNDS.interval))
      problems.series.interval = { key: "validation.wholeNumber", params: SERIES_BOUNDS.interval };
    if (!isWholeNumberIn(values.count, SERIES_BOUNDS.count))
      problems.series.count = { key: "validation.wholeNumber", params: SERIES_BOUNDS.count };
  } else {
    problems.sessions = values.sessions.map((s) =>
      checkSessionTimes(s.startsAt, s.endsAt, timeZone),
    );
    if (values.sessions.length === 0) problems.schedule = { key: "validation.sessionsRequired" };
    if (values.sessions.length > SERIES_SESSIONS_MAX)
      problems.schedule = { key: "validation.listTooLong", params: { max: SERIES_SESSIONS_MAX } };
  }

  const clean =
    isEmpty(problems.series) &&
    isEmpty(problems.template) &&
    problems.sessions.every(isEmpty) &&
    !problems.schedule;
  if (!clean || !checked.ok) return { ok: false, problems };

  const { startsAt, endsAt, opensAt: _o, closesAt: _c, seriesId: _s, ...rest } = checked.input;
  const result = SeriesCreateInputSchema.safeParse({
    series: {
      title,
      summary: values.summary,
      kind: template.kind,
      completionPercent: wholeNumber(values.completionPercent),
    },
    template: { ...rest, opensAt: null, closesAt: null },
    ...(repeat
      ? {
          repeat: {
            frequency: values.frequency,
            interval: wholeNumber(values.interval),
            count: wholeNumber(values.count),
            startsAt,
            endsAt,
          },
        }
      : {
          sessions: values.sessions.map((s) => ({
            startsAt: fromWallTime(s.startsAt, timeZone),
            endsAt: fromWallTime(s.endsAt, timeZone),
          })),
        }),
    publish: values.publish,
  });
  if (result.success) return { ok: true, input: result.data };
  // Each part passed on its own; what is left is the whole, which the server words too.
  return { ok: false, problems: { ...problems, schedule: { key: "errors.badRequest" } } };
}
