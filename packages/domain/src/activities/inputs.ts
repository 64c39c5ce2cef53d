/** Inputs of the activities and registrations procedures not defined beside their rules. */
import { z } from "zod";
import { REASON_MAX_LENGTH } from "../shared/limits.js";
import { IdSchema, PageInputSchema } from "../shared/schemas.js";
import { PARTY_SIZE_MAX } from "./activity.js";
import { MANAGE_TOKEN_MAX_LENGTH, REGISTRATION_STATUSES } from "./registration.js";

/** Input of `activities.get`. */
export const ActivityIdInputSchema = z.object({ id: IdSchema });

/** Input of `activities.publish`: one activity, or (`series`) every draft session of its series. */
export const ActivityPublishInputSchema = z.object({
  id: IdSchema,
  series: z.boolean().default(false),
});

/**
 * Input of `activities.cancel`: one activity, or (`series`) it and every later session of
 * its series. The reason goes to registrants.
 */
export const ActivityCancelInputSchema = z.object({
  id: IdSchema,
  reason: z.string().trim().max(REASON_MAX_LENGTH).default(""),
  series: z.boolean().default(false),
});

/** Input of `activities.registrations` and `activities.rosterCsv` (the organizer's roster). */
export const RosterInputSchema = z.object({
  activityId: IdSchema,
  status: z.enum(REGISTRATION_STATUSES).optional(),
});

/** Input of `activities.attendance`: one activity, or a whole series. */
export const AttendanceInputSchema = z
  .object({ activityId: IdSchema.optional(), seriesId: IdSchema.optional() })
  .refine((input) => (input.activityId === undefined) !== (input.seriesId === undefined), {
    message: "Give an activity or a series",
    path: ["activityId"],
  });

/** Input of `activities.checkIn`: `seats` when only part of the party came. */
export const ManualCheckInInputSchema = z.object({
  registrationId: IdSchema,
  seats: z.number().int().min(1).max(PARTY_SIZE_MAX).optional(),
});

/** Input of `activities.undoCheckIn` and `activities.moveFromWaitlist`. */
export const RegistrationIdInputSchema = z.object({ registrationId: IdSchema });

/** Input of `registrations.mine`: upcoming bookings in full, past ones a page at a time. */
export const MyRegistrationsInputSchema = PageInputSchema;

/** Input of `registrations.manage`: the token of a guest's manage link. */
export const ManageTokenInputSchema = z.object({
  token: z.string().min(1).max(MANAGE_TOKEN_MAX_LENGTH),
});

/** Input of `registrations.registerSeries`: every remaining session in one step. */
export const SeriesRegisterInputSchema = z.object({
  seriesId: IdSchema,
  partySize: z.number().int().min(1).max(PARTY_SIZE_MAX).default(1),
});
