/** Series: a reading club of N sessions, registered for in one step, completed at ≥ 75 %. */
import { z } from "zod";
import { SUMMARY_MAX_LENGTH, TITLE_MAX_LENGTH } from "../shared/limits.js";
import { err, ok, type Result } from "../shared/result.js";
import { IdSchema, InstantSchema } from "../shared/schemas.js";
import {
  ACTIVITY_KINDS,
  type ActivityCreateInput,
  ActivityCreateInputSchema,
  ActivityObjectSchema,
  type ActivityStatus,
  ActivityUpdateInputSchema,
} from "./activity.js";
import { recurringSessions, SeriesRepeatSchema } from "./recurrence.js";
import {
  type Applicant,
  decideRegistration,
  type RegistrationActivity,
  type RegistrationRefusal,
  type SeatCounts,
} from "./registration.js";

/** A weekly club for a year; more sessions are two series. */
export const SERIES_SESSIONS_MAX = 52;

/** Default share of sessions to attend to complete a series: 75 %. */
export const DEFAULT_SERIES_SETTINGS = { completionPercent: 75 } as const;

/** A series of activities. */
export const SeriesSchema = z.object({
  id: IdSchema,
  title: z.string().trim().min(1).max(TITLE_MAX_LENGTH),
  summary: z.string().trim().max(SUMMARY_MAX_LENGTH).default(""),
  kind: z.enum(ACTIVITY_KINDS).default("reading_club"),
  /** Attend at least this share of the sessions (not cancelled) to complete the series. */
  completionPercent: z
    .number()
    .int()
    .min(1)
    .max(100)
    .default(DEFAULT_SERIES_SETTINGS.completionPercent),
});

/** A series (parsed). */
export type Series = z.output<typeof SeriesSchema>;

const SessionTimesSchema = z.object({ startsAt: InstantSchema, endsAt: InstantSchema });

const SeriesTemplateSchema = ActivityObjectSchema.omit({
  id: true,
  status: true,
  seriesId: true,
  startsAt: true,
  endsAt: true,
});

/**
 * Input of `activities.createSeries`: the series, a template for its sessions (every
 * activity field but id, status, series and times), and either explicit session times
 * (`sessions`) or a repeat rule (`repeat`: weekly or monthly, N sessions). Sessions are
 * created as drafts unless `publish` is set.
 */
export const SeriesCreateInputSchema = z
  .object({
    series: SeriesSchema.omit({ id: true }),
    template: SeriesTemplateSchema,
    sessions: z.array(SessionTimesSchema).min(1).max(SERIES_SESSIONS_MAX).optional(),
    repeat: SeriesRepeatSchema.extend({
      count: z.number().int().min(1).max(SERIES_SESSIONS_MAX),
    }).optional(),
    publish: z.boolean().default(false),
  })
  .superRefine((input, ctx) => {
    if ((input.sessions === undefined) === (input.repeat === undefined)) {
      ctx.addIssue({
        code: "custom",
        message: "Give either the session times or a repeat rule",
        path: ["sessions"],
      });
      return;
    }
    // Each session must be a valid activity on its own (ends after it starts, …). Repeated
    // sessions share the first one's duration, so checking the first checks the shape.
    const sessions = input.sessions ?? [input.repeat!];
    const path = input.sessions ? "sessions" : "repeat";
    sessions.forEach((session, index) => {
      const parsed = ActivityCreateInputSchema.safeParse({
        ...input.template,
        startsAt: session.startsAt,
        endsAt: session.endsAt,
      });
      for (const issue of parsed.error?.issues ?? []) {
        ctx.addIssue({
          code: "custom",
          message: issue.message,
          path: input.sessions ? [path, index, ...issue.path] : [path, ...issue.path],
        });
      }
    });
  });

/** Parsed input of `activities.createSeries`. */
export type SeriesCreateInput = z.output<typeof SeriesCreateInputSchema>;

/**
 * The sessions of a parsed series input as activity inputs, in time order. Explicit
 * sessions were each checked as an activity by {@link SeriesCreateInputSchema}; repeated
 * ones are laid out in `timeZone` (the association's) by {@link recurringSessions} and
 * should be checked again with `ActivityCreateInputSchema` (a registration window in the
 * template may not suit a later session). The caller assigns ids.
 */
export function seriesSessionInputs(
  input: SeriesCreateInput,
  seriesId: string,
  timeZone = "UTC",
): ActivityCreateInput[] {
  const times = input.sessions ?? (input.repeat ? recurringSessions(input.repeat, timeZone) : []);
  return [...times]
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
    .map((session) => ({
      ...input.template,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      seriesId,
    }));
}

/**
 * Input of `activities.updateSeries`: changes to the series itself and a patch applied to
 * every session that has not started yet ("edit all"; one session is `activities.update`).
 * Times and registration windows differ per session, so they are not part of the patch.
 */
export const SeriesUpdateInputSchema = z.object({
  seriesId: IdSchema,
  series: z
    .object({
      title: SeriesSchema.shape.title.optional(),
      summary: z.string().trim().max(SUMMARY_MAX_LENGTH).optional(),
      completionPercent: z.number().int().min(1).max(100).optional(),
    })
    .optional(),
  patch: ActivityUpdateInputSchema.omit({
    id: true,
    startsAt: true,
    endsAt: true,
    opensAt: true,
    closesAt: true,
  }).default({}),
});

/** Parsed input of `activities.updateSeries`. */
export type SeriesUpdateInput = z.output<typeof SeriesUpdateInputSchema>;

/** One session as the series registration sees it. */
export interface SeriesSessionState {
  readonly activityId: string;
  readonly activity: RegistrationActivity;
  readonly counts: SeatCounts;
  /** The member already holds a registration for this session. */
  readonly alreadyRegistered: boolean;
}

/** Outcome of a series registration. */
export interface SeriesRegistrationDecision {
  /** Sessions to register for, each confirmed or waitlisted. */
  readonly sessions: readonly { activityId: string; status: "confirmed" | "waitlisted" }[];
  /** Sessions left out: over, cancelled, closed, or already registered. */
  readonly skipped: readonly { activityId: string; code: RegistrationRefusal["code"] }[];
}

/** Refusal of {@link decideSeriesRegistration}: the first session's refusal, naming it. */
export type SeriesRegistrationRefusal = RegistrationRefusal & { readonly activityId?: string };

// Sessions refused for these reasons are skipped instead of failing the whole series.
const SKIPPABLE = new Set<RegistrationRefusal["code"]>([
  "ACTIVITY_ENDED",
  "ACTIVITY_CANCELLED",
  "REGISTRATION_CLOSED",
  "ALREADY_REGISTERED",
]);

/**
 * Registers a member for every remaining session of a series in one step. Each session
 * is decided by {@link decideRegistration} (confirmed or waitlisted independently); past,
 * cancelled, closed and already-booked sessions are skipped. Any other refusal (members
 * only, inactive membership, party too large, full without waitlist…) refuses the whole
 * series with that code and the session's `activityId`. When nothing is left to book the
 * refusal is `ALREADY_REGISTERED` if some session is booked, else `ACTIVITY_ENDED`.
 */
export function decideSeriesRegistration(input: {
  readonly sessions: readonly SeriesSessionState[];
  readonly applicant: Omit<Extract<Applicant, { kind: "member" }>, "alreadyRegistered">;
  readonly partySize?: number;
  readonly now: Date;
}): Result<SeriesRegistrationDecision, SeriesRegistrationRefusal> {
  const sessions: { activityId: string; status: "confirmed" | "waitlisted" }[] = [];
  const skipped: { activityId: string; code: RegistrationRefusal["code"] }[] = [];
  for (const session of input.sessions) {
    const decision = decideRegistration({
      activity: session.activity,
      counts: session.counts,
      applicant: { ...input.applicant, alreadyRegistered: session.alreadyRegistered },
      partySize: input.partySize,
      now: input.now,
    });
    if (decision.ok) {
      sessions.push({ activityId: session.activityId, status: decision.value.status });
    } else if (SKIPPABLE.has(decision.code)) {
      skipped.push({ activityId: session.activityId, code: decision.code });
    } else {
      return { ...decision, activityId: session.activityId };
    }
  }
  if (sessions.length === 0) {
    return skipped.some((s) => s.code === "ALREADY_REGISTERED")
      ? err("ALREADY_REGISTERED", "Already registered for every remaining session.")
      : err("ACTIVITY_ENDED", "No session of this series is open any more.");
  }
  return ok({ sessions, skipped });
}

/** Progress of a member through a series. */
export interface SeriesCompletion {
  readonly completed: boolean;
  readonly attended: number;
  /** Sessions that count: those not cancelled. */
  readonly counted: number;
  /** Sessions to attend to complete: ⌈percent × counted⌉. */
  readonly required: number;
}

/**
 * Whether a member completed a series: attended at least `completionPercent` (75) of
 * its sessions, cancelled sessions not counted.
 *
 * @example seriesCompletion({ sessions: fourSessions, attendedActivityIds: ["s1","s2","s3"] })
 * // { completed: true, attended: 3, counted: 4, required: 3 }
 */
export function seriesCompletion(input: {
  readonly sessions: readonly { activityId: string; status: ActivityStatus }[];
  readonly attendedActivityIds: readonly string[];
  readonly completionPercent?: number;
}): SeriesCompletion {
  const percent = input.completionPercent ?? DEFAULT_SERIES_SETTINGS.completionPercent;
  const counting = input.sessions.filter((s) => s.status !== "cancelled");
  const attendedIds = new Set(input.attendedActivityIds);
  const attended = counting.filter((s) => attendedIds.has(s.activityId)).length;
  // Integer arithmetic first, so 70 % of 10 is exactly 7.
  const required = Math.ceil((percent * counting.length) / 100);
  return {
    completed: counting.length > 0 && attended >= required,
    attended,
    counted: counting.length,
    required,
  };
}
