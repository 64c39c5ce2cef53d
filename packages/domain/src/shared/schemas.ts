/** Zod building blocks shared by every area: ids, dates, instants, e-mail, paging. */
import { z } from "zod";
import { isCalendarDate } from "./calendar.js";
import {
  CURSOR_MAX_LENGTH,
  EMAIL_MAX_LENGTH,
  ID_MAX_LENGTH,
  INSTANT_MAX_LENGTH,
  NAME_MAX_LENGTH,
  PAGE_SIZE_DEFAULT,
  PAGE_SIZE_MAX,
  TIME_ZONE_MAX_LENGTH,
} from "./limits.js";
import { isTimeZone } from "./time-zone.js";

/** An opaque id (UUID, cuid, …), 1–64 characters of `[A-Za-z0-9_-]`. */
export const IdSchema = z
  .string()
  .min(1)
  .max(ID_MAX_LENGTH)
  .regex(/^[A-Za-z0-9_-]+$/, "Ids use letters, digits, '-' and '_' only");

/** A calendar date `YYYY-MM-DD` that exists (no 30 February). */
export const CalendarDateSchema = z
  .string()
  .max(10)
  .refine(isCalendarDate, "Expected a calendar date YYYY-MM-DD");

/**
 * An instant: a `Date`, or an ISO-8601 date-time string with an offset or `Z`
 * (what the API sends over JSON). Always parsed to a `Date`.
 */
export const InstantSchema = z
  .union([z.date(), z.iso.datetime({ offset: true }).max(INSTANT_MAX_LENGTH)])
  .transform((value) => (typeof value === "string" ? new Date(value) : value))
  .refine((date) => !Number.isNaN(date.getTime()), "Invalid instant");

/** An IANA time zone this runtime knows, e.g. `"Europe/Paris"`. */
export const TimeZoneSchema = z
  .string()
  .min(1)
  .max(TIME_ZONE_MAX_LENGTH)
  .refine(isTimeZone, "Unknown time zone");

/** An e-mail address, trimmed and lower-cased. */
export const EmailSchema = z.string().trim().toLowerCase().max(EMAIL_MAX_LENGTH).pipe(z.email());

/** A person's display name, trimmed, 1–120 characters. */
export const PersonNameSchema = z.string().trim().min(1).max(NAME_MAX_LENGTH);

/** Cursor paging input shared by every `list` procedure; `limit` is capped at 100. */
export const PageInputSchema = z.object({
  cursor: z.string().max(CURSOR_MAX_LENGTH).optional(),
  limit: z.number().int().min(1).max(PAGE_SIZE_MAX).default(PAGE_SIZE_DEFAULT),
});

/** Output of {@link PageInputSchema}. */
export type PageInput = z.output<typeof PageInputSchema>;
