// The activity form's text fields to activities.create / update input, judged by the
// domain's ActivityCreateInputSchema (every field and the cross-field rules: ends after it
// starts, registration windows in order, a party no larger than the room). Times are typed
// as wall-clock times in the association's zone. This module only words the problems.
import {
  ACTIVITY_DURATION_MAX_MS,
  type ActivityCreateInput,
  ActivityCreateInputSchema,
  type ActivityKind,
  ActivityObjectSchema,
  type Audience,
  DEFAULT_ACTIVITY_SETTINGS,
  DESCRIPTION_MAX_LENGTH,
  dateParts,
  FEATURED_BOOKS_MAX,
  isCalendarDate,
  NAME_MAX_LENGTH,
  PARTNERS_MAX,
  type RegistrationMode,
  SUMMARY_MAX_LENGTH,
  TITLE_MAX_LENGTH,
  zonedInstant,
  zonedParts,
} from "@readers/domain";
import type { Message } from "../i18n/index.ts";
import { bounds, isWholeNumberIn, wholeNumber } from "./numbers.ts";

export interface ActivityFormValues {
  kind: ActivityKind;
  title: string;
  summary: string;
  /** Markdown. */
  description: string;
  /** Wall-clock `YYYY-MM-DDTHH:mm` in the association's zone (a datetime-local input). */
  startsAt: string;
  endsAt: string;
  locationId: string;
  /** Empty means unlimited. */
  capacity: string;
  audience: Audience;
  registration: RegistrationMode;
  /** Empty: as soon as published. */
  opensAt: string;
  /** Empty: at the start. */
  closesAt: string;
  maxPartySize: string;
  cancellationCutoffMinutes: string;
  checkInOpensMinutesBefore: string;
  noShowAfterMinutes: string;
  waitlistEnabled: boolean;
  /** One title per line. */
  featuredBooks: string;
  /** One name per line. */
  partnerNames: string;
}

/** The fields that can be wrong (the selects and the checkbox cannot). */
export type ActivityField =
  | "title"
  | "summary"
  | "description"
  | "startsAt"
  | "endsAt"
  | "locationId"
  | "capacity"
  | "opensAt"
  | "closesAt"
  | "maxPartySize"
  | "cancellationCutoffMinutes"
  | "checkInOpensMinutesBefore"
  | "noShowAfterMinutes"
  | "featuredBooks"
  | "partnerNames";

/** In the order they appear on screen, so a failed submit focuses the first bad one. */
export const ACTIVITY_FIELDS: readonly ActivityField[] = [
  "title",
  "summary",
  "description",
  "startsAt",
  "endsAt",
  "locationId",
  "capacity",
  "opensAt",
  "closesAt",
  "maxPartySize",
  "cancellationCutoffMinutes",
  "checkInOpensMinutesBefore",
  "noShowAfterMinutes",
  "featuredBooks",
  "partnerNames",
];

export const MINUTE_FIELDS = [
  "cancellationCutoffMinutes",
  "checkInOpensMinutesBefore",
  "noShowAfterMinutes",
] as const;

const shape = ActivityObjectSchema.shape;
export const ACTIVITY_BOUNDS = {
  capacity: bounds(shape.capacity),
  maxPartySize: bounds(shape.maxPartySize),
  cancellationCutoffMinutes: bounds(shape.cancellationCutoffMinutes),
  checkInOpensMinutesBefore: bounds(shape.checkInOpensMinutesBefore),
  noShowAfterMinutes: bounds(shape.noShowAfterMinutes),
};

// ------------------------------------------------------------------- wall-clock times

const WALL_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/;

/** The instant clocks in `timeZone` show `text` (`YYYY-MM-DDTHH:mm`), or undefined. */
export function fromWallTime(text: string, timeZone: string): Date | undefined {
  const match = WALL_TIME.exec(text.trim());
  if (!match || !isCalendarDate(match[1]!)) return undefined;
  const hour = Number(match[2]);
  const minute = Number(match[3]);
  if (hour > 23 || minute > 59) return undefined;
  return zonedInstant({ ...dateParts(match[1]!), hour, minute }, timeZone);
}

/** An instant as a datetime-local value in `timeZone`; empty for none. */
export function toWallTime(instant: string | Date | null | undefined, timeZone: string): string {
  if (!instant) return "";
  const p = zonedParts(new Date(instant), timeZone);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${String(p.year).padStart(4, "0")}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}`;
}

// --------------------------------------------------------------------------- values

/** What the form reads from a stored activity (activities.get's answer fits). */
export interface ActivityFacts {
  kind: ActivityKind;
  title: string;
  summary: string;
  description: string;
  startsAt: string;
  endsAt: string;
  locationId: string;
  capacity: number | null;
  audience: Audience;
  registration: RegistrationMode;
  opensAt: string | null;
  closesAt: string | null;
  maxPartySize: number;
  cancellationCutoffMinutes: number;
  checkInOpensMinutesBefore: number;
  noShowAfterMinutes: number;
  waitlistEnabled: boolean;
  featuredBooks: readonly string[];
  partnerNames: readonly string[];
}

/** The form's values for a stored activity, or the domain's defaults for a new one. */
export function activityFormValues(
  activity: ActivityFacts | undefined,
  timeZone: string,
): ActivityFormValues {
  const d = DEFAULT_ACTIVITY_SETTINGS;
  return {
    kind: activity?.kind ?? "lecture",
    title: activity?.title ?? "",
    summary: activity?.summary ?? "",
    description: activity?.description ?? "",
    startsAt: toWallTime(activity?.startsAt, timeZone),
    endsAt: toWallTime(activity?.endsAt, timeZone),
    locationId: activity?.locationId ?? "",
    capacity: activity?.capacity == null ? "" : String(activity.capacity),
    audience: activity?.audience ?? d.audience,
    registration: activity?.registration ?? d.registration,
    opensAt: toWallTime(activity?.opensAt, timeZone),
    closesAt: toWallTime(activity?.closesAt, timeZone),
    maxPartySize: String(activity?.maxPartySize ?? d.maxPartySize),
    cancellationCutoffMinutes: String(
      activity?.cancellationCutoffMinutes ?? d.cancellationCutoffMinutes,
    ),
    checkInOpensMinutesBefore: String(
      activity?.checkInOpensMinutesBefore ?? d.checkInOpensMinutesBefore,
    ),
    noShowAfterMinutes: String(activity?.noShowAfterMinutes ?? d.noShowAfterMinutes),
    waitlistEnabled: activity?.waitlistEnabled ?? d.waitlistEnabled,
    featuredBooks: (activity?.featuredBooks ?? []).join("\n"),
    partnerNames: (activity?.partnerNames ?? []).join("\n"),
  };
}

/** Non-empty lines, trimmed. */
export function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

const INVALID_DATE = () => new Date(Number.NaN);

function instantOrInvalid(text: string, timeZone: string): Date {
  return fromWallTime(text, timeZone) ?? INVALID_DATE();
}

function optionalInstant(text: string, timeZone: string): Date | null {
  return text.trim() === "" ? null : instantOrInvalid(text, timeZone);
}

/** The form's values as activities.create input (unchecked). */
function candidate(values: ActivityFormValues, timeZone: string) {
  return {
    kind: values.kind,
    title: values.title,
    summary: values.summary,
    description: values.description,
    startsAt: instantOrInvalid(values.startsAt, timeZone),
    endsAt: instantOrInvalid(values.endsAt, timeZone),
    locationId: values.locationId,
    capacity: values.capacity.trim() === "" ? null : wholeNumber(values.capacity),
    audience: values.audience,
    registration: values.registration,
    opensAt: optionalInstant(values.opensAt, timeZone),
    closesAt: optionalInstant(values.closesAt, timeZone),
    maxPartySize: wholeNumber(values.maxPartySize),
    cancellationCutoffMinutes: wholeNumber(values.cancellationCutoffMinutes),
    checkInOpensMinutesBefore: wholeNumber(values.checkInOpensMinutesBefore),
    noShowAfterMinutes: wholeNumber(values.noShowAfterMinutes),
    waitlistEnabled: values.waitlistEnabled,
    featuredBooks: lines(values.featuredBooks),
    partnerNames: lines(values.partnerNames),
  };
}

type Candidate = ReturnType<typeof candidate>;

/** Harmless stand-ins for bad fields, so the cross-field rules can judge the rest. */
const STAND_INS: Partial<Candidate> = {
  title: "-",
  summary: "",
  description: "",
  locationId: "-",
  capacity: null,
  maxPartySize: 1,
  cancellationCutoffMinutes: 0,
  checkInOpensMinutesBefore: 0,
  noShowAfterMinutes: 0,
  featuredBooks: [],
  partnerNames: [],
  opensAt: null,
  closesAt: null,
};

// ------------------------------------------------------------------------- messages

function isField(key: PropertyKey | undefined): key is ActivityField {
  return ACTIVITY_FIELDS.includes(key as ActivityField);
}

function timeMessage(text: string): Message {
  return text.trim() === ""
    ? { key: "validation.dateTimeRequired" }
    : { key: "validation.dateTimeInvalid" };
}

function listMessage(text: string, max: number, itemMax: number): Message {
  return lines(text).length > max
    ? { key: "validation.listTooLong", params: { max } }
    : { key: "validation.listItemTooLong", params: { max: itemMax } };
}

function messageFor(field: ActivityField, values: ActivityFormValues, timeZone: string): Message {
  switch (field) {
    case "title":
      return values.title.trim()
        ? { key: "validation.textTooLong", params: { max: TITLE_MAX_LENGTH } }
        : { key: "validation.titleRequired" };
    case "summary":
      return { key: "validation.textTooLong", params: { max: SUMMARY_MAX_LENGTH } };
    case "description":
      return { key: "validation.textTooLong", params: { max: DESCRIPTION_MAX_LENGTH } };
    case "startsAt":
      return timeMessage(values.startsAt);
    case "endsAt": {
      const ends = fromWallTime(values.endsAt, timeZone);
      const starts = fromWallTime(values.startsAt, timeZone);
      if (!ends) return timeMessage(values.endsAt);
      if (starts && ends <= starts) return { key: "validation.endBeforeStart" };
      if (starts && ends.getTime() - starts.getTime() > ACTIVITY_DURATION_MAX_MS)
        return { key: "validation.activityTooLong" };
      return { key: "validation.dateTimeInvalid" };
    }
    case "locationId":
      return { key: "validation.venueRequired" };
    case "capacity":
      return { key: "validation.capacityInvalid", params: { max: ACTIVITY_BOUNDS.capacity.max } };
    case "opensAt":
      return fromWallTime(values.opensAt, timeZone)
        ? { key: "validation.opensAfterCloses" }
        : { key: "validation.dateTimeInvalid" };
    case "closesAt":
      return fromWallTime(values.closesAt, timeZone)
        ? { key: "validation.closesAfterEnd" }
        : { key: "validation.dateTimeInvalid" };
    case "maxPartySize":
      return isWholeNumberIn(values.maxPartySize, ACTIVITY_BOUNDS.maxPartySize)
        ? { key: "validation.partyLargerThanCapacity" }
        : { key: "validation.wholeNumber", params: ACTIVITY_BOUNDS.maxPartySize };
    case "cancellationCutoffMinutes":
    case "checkInOpensMinutesBefore":
    case "noShowAfterMinutes":
      return { key: "validation.wholeNumber", params: ACTIVITY_BOUNDS[field] };
    case "featuredBooks":
      return listMessage(values.featuredBooks, FEATURED_BOOKS_MAX, TITLE_MAX_LENGTH);
    case "partnerNames":
      return listMessage(values.partnerNames, PARTNERS_MAX, NAME_MAX_LENGTH);
  }
}

export type ActivityProblems = Partial<Record<ActivityField, Message>>;

export type ActivityCheck =
  | { ok: true; input: ActivityCreateInput }
  | { ok: false; problems: ActivityProblems };

// Each field on its own: the object schema without the cross-field rules.
const FieldsSchema = ActivityObjectSchema.omit({ id: true, status: true });

/**
 * Each field's problem (the first), or the parsed activities.create input when there is
 * none. Fields are judged on their own first; the cross-field rules (end after start,
 * windows in order, party within the room) then judge the form with any bad field replaced
 * by a harmless stand-in, so every problem shows at once and none is judged on bad input.
 */
export function checkActivityForm(values: ActivityFormValues, timeZone: string): ActivityCheck {
  const raw = candidate(values, timeZone);
  const problems: ActivityProblems = {};
  const collect = (issues: readonly { path: readonly PropertyKey[] }[]) => {
    for (const issue of issues) {
      const field = issue.path[0];
      if (isField(field) && !problems[field]) problems[field] = messageFor(field, values, timeZone);
    }
  };
  const fields = FieldsSchema.safeParse(raw);
  if (!fields.success) collect(fields.error.issues);
  const repaired: Record<string, unknown> = { ...raw };
  for (const field of Object.keys(problems) as ActivityField[]) {
    repaired[field] = STAND_INS[field as keyof Candidate];
  }
  if (problems.startsAt || problems.endsAt) {
    Object.assign(repaired, {
      startsAt: new Date(0),
      endsAt: new Date(60 * 60 * 1000),
      opensAt: null,
      closesAt: null,
    });
  }
  const whole = ActivityCreateInputSchema.safeParse(repaired);
  if (!whole.success) collect(whole.error.issues);
  else if (Object.keys(problems).length === 0) return { ok: true, input: whole.data };
  return { ok: false, problems };
}

// ----------------------------------------------------------------------------- patches

/** What the form edits; the rest of an activity (ids of books and partners) it leaves alone. */
export const EDITED_KEYS = [
  "kind",
  "title",
  "summary",
  "description",
  "startsAt",
  "endsAt",
  "locationId",
  "capacity",
  "audience",
  "registration",
  "opensAt",
  "closesAt",
  "maxPartySize",
  "cancellationCutoffMinutes",
  "checkInOpensMinutesBefore",
  "noShowAfterMinutes",
  "waitlistEnabled",
  "featuredBooks",
  "partnerNames",
] as const satisfies readonly (keyof ActivityCreateInput & keyof ActivityFacts)[];

type EditedKey = (typeof EDITED_KEYS)[number];

/** Times and registration windows differ per session: a series-wide edit leaves them out. */
export const PER_SESSION_KEYS = ["startsAt", "endsAt", "opensAt", "closesAt"] as const;

const TIME_KEYS = new Set<string>(PER_SESSION_KEYS);

const MINUTE_MS = 60_000;

function comparable(key: EditedKey, value: unknown): string {
  // The form has minutes; a stored time with seconds is unchanged if the minute is the same.
  if (TIME_KEYS.has(key) && value) {
    const time = new Date(value as string | Date).getTime();
    return String(Math.floor(time / MINUTE_MS));
  }
  return JSON.stringify(value ?? null);
}

/**
 * Only what changed, as an activities.update patch: a field not sent stays as stored, so
 * fixing a typo in the title never re-sends (and re-checks) the schedule.
 */
export function activityPatch(
  input: ActivityCreateInput,
  original: ActivityFacts,
): Partial<Pick<ActivityCreateInput, EditedKey>> {
  const patch: Record<string, unknown> = {};
  for (const key of EDITED_KEYS) {
    if (comparable(key, input[key]) !== comparable(key, original[key])) patch[key] = input[key];
  }
  return patch as Partial<Pick<ActivityCreateInput, EditedKey>>;
}

/** A patch without times and windows, for activities.updateSeries. */
export function seriesPatch<T extends Record<string, unknown>>(
  patch: T,
): Omit<T, (typeof PER_SESSION_KEYS)[number]> {
  const { startsAt: _s, endsAt: _e, opensAt: _o, closesAt: _c, ...rest } = patch;
  return rest;
}

/** The problems of one start/end pair (a session of a series given by its dates). */
export function checkSessionTimes(
  startsAt: string,
  endsAt: string,
  timeZone: string,
): { startsAt?: Message; endsAt?: Message } {
  const starts = fromWallTime(startsAt, timeZone);
  const ends = fromWallTime(endsAt, timeZone);
  const problems: { startsAt?: Message; endsAt?: Message } = {};
  if (!starts) problems.startsAt = timeMessage(startsAt);
  if (!ends) problems.endsAt = timeMessage(endsAt);
  else if (starts && ends <= starts) problems.endsAt = { key: "validation.endBeforeStart" };
  else if (starts && ends.getTime() - starts.getTime() > ACTIVITY_DURATION_MAX_MS)
    problems.endsAt = { key: "validation.activityTooLong" };
  return problems;
}
