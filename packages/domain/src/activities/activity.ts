/** Activities: the schema with every field of DESIGN §2.2, its defaults and derived phase. */
import { z } from "zod";
import {
  DESCRIPTION_MAX_LENGTH,
  NAME_MAX_LENGTH,
  SEARCH_TEXT_MAX_LENGTH,
  SUMMARY_MAX_LENGTH,
  TITLE_MAX_LENGTH,
} from "../shared/limits.js";
import { IdSchema, InstantSchema, PageInputSchema } from "../shared/schemas.js";
import { addMinutes } from "../shared/time-zone.js";

/** Kinds of activity. */
export const ACTIVITY_KINDS = [
  "lecture",
  "exhibition",
  "forum",
  "reading_club",
  "workshop",
  "reading_promotion",
  "other",
] as const;
/** A kind of activity. */
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** Who may attend: members only, or anyone (guests register with name and e-mail). */
export const AUDIENCES = ["members", "public"] as const;
/** An activity's audience. */
export type Audience = (typeof AUDIENCES)[number];

/** `required`: book a seat; `optional`: booking helps; `none`: walk-in only. */
export const REGISTRATION_MODES = ["required", "optional", "none"] as const;
/** How registration works for an activity. */
export type RegistrationMode = (typeof REGISTRATION_MODES)[number];

/** Stored statuses; "ended" is derived from time (see {@link activityPhase}). */
export const ACTIVITY_STATUSES = ["draft", "published", "cancelled"] as const;
/** An activity's stored status. */
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/** The largest venue we plan for; more is a festival with its own ticketing. */
export const CAPACITY_MAX = 100_000;
/** A member plus companions; beyond this it is a group booking by arrangement. */
export const PARTY_SIZE_MAX = 20;
/** Cancellation cutoffs longer than a week would make most cancellations late. */
export const CANCELLATION_CUTOFF_MINUTES_MAX = 7 * 24 * 60;
/** Check-in opens at most a day early. */
export const CHECK_IN_OPENS_MINUTES_MAX = 24 * 60;
/** No-show deadline at most 3 hours after the start. */
export const NO_SHOW_AFTER_MINUTES_MAX = 180;
/** Featured books shown on an activity page. */
export const FEATURED_BOOKS_MAX = 20;
/** Co-hosting partners of one activity. */
export const PARTNERS_MAX = 10;
/** Exhibitions may run for months; nothing runs longer than a year. */
export const ACTIVITY_DURATION_MAX_MS = 366 * 24 * 60 * 60 * 1000;

/**
 * Defaults of DESIGN §2.2: party of 1, cancellation cutoff 120 minutes before the start,
 * check-in from 60 minutes before the start, no-show 15 minutes after it, a waitlist,
 * public audience, registration required.
 */
export const DEFAULT_ACTIVITY_SETTINGS = {
  audience: "public",
  registration: "required",
  maxPartySize: 1,
  cancellationCutoffMinutes: 120,
  checkInOpensMinutesBefore: 60,
  noShowAfterMinutes: 15,
  waitlistEnabled: true,
} as const;

const activityFields = {
  id: IdSchema,
  /** The series this activity is a session of, if any. */
  seriesId: IdSchema.nullable().default(null),
  kind: z.enum(ACTIVITY_KINDS),
  title: z.string().trim().min(1).max(TITLE_MAX_LENGTH),
  summary: z.string().trim().max(SUMMARY_MAX_LENGTH).default(""),
  /** Markdown; sanitised when rendered. */
  description: z.string().max(DESCRIPTION_MAX_LENGTH).default(""),
  startsAt: InstantSchema,
  endsAt: InstantSchema,
  /** The venue; kiosks belong to locations. */
  locationId: IdSchema,
  /** Seats; `null` means unlimited. */
  capacity: z.number().int().min(1).max(CAPACITY_MAX).nullable().default(null),
  audience: z.enum(AUDIENCES).default(DEFAULT_ACTIVITY_SETTINGS.audience),
  registration: z.enum(REGISTRATION_MODES).default(DEFAULT_ACTIVITY_SETTINGS.registration),
  /** Registration opens at; `null` = as soon as published. */
  opensAt: InstantSchema.nullable().default(null),
  /** Registration closes at; `null` = at the start. */
  closesAt: InstantSchema.nullable().default(null),
  maxPartySize: z
    .number()
    .int()
    .min(1)
    .max(PARTY_SIZE_MAX)
    .default(DEFAULT_ACTIVITY_SETTINGS.maxPartySize),
  cancellationCutoffMinutes: z
    .number()
    .int()
    .min(0)
    .max(CANCELLATION_CUTOFF_MINUTES_MAX)
    .default(DEFAULT_ACTIVITY_SETTINGS.cancellationCutoffMinutes),
  checkInOpensMinutesBefore: z
    .number()
    .int()
    .min(0)
    .max(CHECK_IN_OPENS_MINUTES_MAX)
    .default(DEFAULT_ACTIVITY_SETTINGS.checkInOpensMinutesBefore),
  noShowAfterMinutes: z
    .number()
    .int()
    .min(0)
    .max(NO_SHOW_AFTER_MINUTES_MAX)
    .default(DEFAULT_ACTIVITY_SETTINGS.noShowAfterMinutes),
  /** When false a full activity refuses with `ACTIVITY_FULL` instead of waitlisting. */
  waitlistEnabled: z.boolean().default(DEFAULT_ACTIVITY_SETTINGS.waitlistEnabled),
  featuredBookIds: z.array(IdSchema).max(FEATURED_BOOKS_MAX).default([]),
  partnerIds: z.array(IdSchema).max(PARTNERS_MAX).default([]),
  /** Featured books as free-text titles, until book sharing gives them ids. */
  featuredBooks: z
    .array(z.string().trim().min(1).max(TITLE_MAX_LENGTH))
    .max(FEATURED_BOOKS_MAX)
    .default([]),
  /** Co-hosting partners by name, until partners get records of their own. */
  partnerNames: z
    .array(z.string().trim().min(1).max(NAME_MAX_LENGTH))
    .max(PARTNERS_MAX)
    .default([]),
  status: z.enum(ACTIVITY_STATUSES).default("draft"),
};

/** The cross-field checks shared by activity schemas. */
type TimedActivity = {
  startsAt: Date;
  endsAt: Date;
  opensAt: Date | null;
  closesAt: Date | null;
  capacity: number | null;
  maxPartySize: number;
};

function checkActivity(activity: TimedActivity, ctx: z.RefinementCtx): void {
  const issue = (path: string, message: string) =>
    ctx.addIssue({ code: "custom", path: [path], message });
  const duration = activity.endsAt.getTime() - activity.startsAt.getTime();
  if (duration <= 0) issue("endsAt", "An activity ends after it starts");
  if (duration > ACTIVITY_DURATION_MAX_MS) issue("endsAt", "An activity lasts at most a year");
  const closesAt = activity.closesAt ?? activity.startsAt;
  if (activity.closesAt && activity.closesAt > activity.endsAt) {
    issue("closesAt", "Registration closes before the activity ends");
  }
  if (activity.opensAt && activity.opensAt >= closesAt) {
    issue("opensAt", "Registration opens before it closes");
  }
  if (activity.capacity !== null && activity.maxPartySize > activity.capacity) {
    issue("maxPartySize", "A party cannot be larger than the capacity");
  }
}

/** The activity object without cross-field checks, for `.pick`/`.omit` by callers. */
export const ActivityObjectSchema = z.object(activityFields);

/** An activity as stored and exchanged; defaults applied, cross-field rules checked. */
export const ActivitySchema = ActivityObjectSchema.superRefine(checkActivity);

/** An activity (parsed). */
export type Activity = z.output<typeof ActivitySchema>;

/** Input of `activities.create`: everything but the id and the status (a new activity is a draft). */
export const ActivityCreateInputSchema = ActivityObjectSchema.omit({
  id: true,
  status: true,
}).superRefine(checkActivity);

/** Parsed input of `activities.create`. */
export type ActivityCreateInput = z.output<typeof ActivityCreateInputSchema>;

type OptionalWithoutDefault<T extends z.ZodRawShape> = {
  [K in keyof T]: z.ZodOptional<T[K] extends z.ZodDefault<infer Inner> ? Inner : T[K]>;
};

// For patches: a field not sent must stay absent, not take its default.
function patchShape<T extends z.ZodRawShape>(shape: T): OptionalWithoutDefault<T> {
  return Object.fromEntries(
    Object.entries(shape).map(([key, schema]) => [
      key,
      ((schema instanceof z.ZodDefault ? schema.unwrap() : schema) as z.ZodType).optional(),
    ]),
  ) as unknown as OptionalWithoutDefault<T>;
}

const { id: _id, status: _status, seriesId: _seriesId, ...editableFields } = activityFields;

/**
 * Input of `activities.update`: the id and only the fields to change (no defaults are
 * filled in). Merge it onto the stored activity and parse the result with
 * {@link ActivitySchema} to re-check the cross-field rules.
 */
export const ActivityUpdateInputSchema = z.object({
  id: IdSchema,
  ...patchShape(editableFields),
});

/** Parsed input of `activities.update`. */
export type ActivityUpdateInput = z.output<typeof ActivityUpdateInputSchema>;

/**
 * Input of `activities.list`: date range, kind, audience, free text, cursor paging.
 * `from` keeps activities still running at that instant (an exhibition that began last
 * month), `to` those starting before it; without either, activities not ended yet.
 * `status`, `locationId` and `seriesId` narrow organizer views (others see published only).
 */
export const ActivityListInputSchema = PageInputSchema.extend({
  from: InstantSchema.optional(),
  to: InstantSchema.optional(),
  kind: z.enum(ACTIVITY_KINDS).optional(),
  audience: z.enum(AUDIENCES).optional(),
  text: z.string().trim().max(SEARCH_TEXT_MAX_LENGTH).optional(),
  status: z.enum(ACTIVITY_STATUSES).optional(),
  locationId: IdSchema.optional(),
  seriesId: IdSchema.optional(),
}).refine((input) => !input.from || !input.to || input.from < input.to, {
  message: "The range ends after it starts",
  path: ["to"],
});

/** Parsed input of `activities.list`. */
export type ActivityListInput = z.output<typeof ActivityListInputSchema>;

/** Derived phase of an activity at `now`. */
export type ActivityPhase = "draft" | "cancelled" | "upcoming" | "ongoing" | "ended";

/** The derived phase: stored status first, then time (ended is never stored). */
export function activityPhase(
  activity: Pick<Activity, "status" | "startsAt" | "endsAt">,
  now: Date,
): ActivityPhase {
  if (activity.status !== "published") return activity.status;
  if (now >= activity.endsAt) return "ended";
  if (now >= activity.startsAt) return "ongoing";
  return "upcoming";
}

/** When registration closes: `closesAt`, or the start. */
export function registrationClosesAt(activity: Pick<Activity, "closesAt" | "startsAt">): Date {
  return activity.closesAt ?? activity.startsAt;
}

/** When a confirmed registration not checked in becomes a no-show: start + 15 minutes by default. */
export function noShowAt(activity: Pick<Activity, "startsAt" | "noShowAfterMinutes">): Date {
  return addMinutes(activity.startsAt, activity.noShowAfterMinutes);
}

/** The last moment a cancellation is not late: start − cutoff (120 minutes by default). */
export function cancellationCutoffAt(
  activity: Pick<Activity, "startsAt" | "cancellationCutoffMinutes">,
): Date {
  return addMinutes(activity.startsAt, -activity.cancellationCutoffMinutes);
}

/** When check-in opens: start − 60 minutes by default. It closes at the end. */
export function checkInOpensAt(
  activity: Pick<Activity, "startsAt" | "checkInOpensMinutesBefore">,
): Date {
  return addMinutes(activity.startsAt, -activity.checkInOpensMinutesBefore);
}
