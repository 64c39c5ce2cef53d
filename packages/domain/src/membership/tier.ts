/** Membership tiers: term, grace, fee and the borrowing limits that come with them. */
import { z } from "zod";
import {
  addDays,
  addMonths,
  type CalendarDate,
  dateParts,
  daysInMonth,
  formatDate,
} from "../shared/calendar.js";
import { CENTS_MAX, NAME_MAX_LENGTH } from "../shared/limits.js";
import { IdSchema } from "../shared/schemas.js";

/** Longest rolling term in months: ten years covers "long-term" tiers; lifetime is not a term. */
export const TERM_MONTHS_MAX = 120;
/** Grace is a courtesy period, never longer than a year. */
export const GRACE_DAYS_MAX = 365;
/** More concurrent loans than this is a library, not a sharing circle. */
export const LOAN_LIMIT_MAX = 50;
/** Longest loan period a tier may grant. */
export const LOAN_DAYS_MAX = 365;
/** Renewals per loan beyond this hide a gift. */
export const MAX_RENEWALS_MAX = 10;
/** Most queue places one member may hold at once. */
export const HOLD_LIMIT_MAX = 50;

/**
 * Defaults for a tier's settings (DESIGN §2.1): 30 grace days, 3 concurrent loans of
 * 21 days, 1 renewal, 3 queue places, no approval step.
 */
export const DEFAULT_TIER_SETTINGS = {
  graceDays: 30,
  loanLimit: 3,
  loanDays: 21,
  maxRenewals: 1,
  holdLimit: 3,
  requiresApproval: false,
  feeCents: 0,
} as const;

/** A rolling term: N months from the start date. */
export const RollingTermSchema = z.object({
  kind: z.literal("rolling"),
  months: z.number().int().min(1).max(TERM_MONTHS_MAX),
});

/**
 * A fixed term: ends on the same month-day every year (e.g. 31 August for an academic
 * year). `endDay` 29 in February ends on the 28th in common years.
 */
export const FixedTermSchema = z
  .object({
    kind: z.literal("fixed"),
    endMonth: z.number().int().min(1).max(12),
    endDay: z.number().int().min(1).max(31),
  })
  .refine((term) => term.endDay <= daysInMonth(2000, term.endMonth), {
    message: "That day does not exist in that month",
    path: ["endDay"],
  });

/** A tier's term, rolling or fixed. */
export const TermSchema = z.discriminatedUnion("kind", [RollingTermSchema, FixedTermSchema]);

/** A tier's term. */
export type Term = z.output<typeof TermSchema>;

/** A membership tier; omitted settings take {@link DEFAULT_TIER_SETTINGS}. */
export const TierSchema = z.object({
  id: IdSchema,
  name: z.string().trim().min(1).max(NAME_MAX_LENGTH),
  term: TermSchema,
  /** Recorded, not charged online. */
  feeCents: z.number().int().min(0).max(CENTS_MAX).default(DEFAULT_TIER_SETTINGS.feeCents),
  graceDays: z.number().int().min(0).max(GRACE_DAYS_MAX).default(DEFAULT_TIER_SETTINGS.graceDays),
  loanLimit: z.number().int().min(0).max(LOAN_LIMIT_MAX).default(DEFAULT_TIER_SETTINGS.loanLimit),
  loanDays: z.number().int().min(1).max(LOAN_DAYS_MAX).default(DEFAULT_TIER_SETTINGS.loanDays),
  maxRenewals: z
    .number()
    .int()
    .min(0)
    .max(MAX_RENEWALS_MAX)
    .default(DEFAULT_TIER_SETTINGS.maxRenewals),
  holdLimit: z.number().int().min(0).max(HOLD_LIMIT_MAX).default(DEFAULT_TIER_SETTINGS.holdLimit),
  requiresApproval: z.boolean().default(DEFAULT_TIER_SETTINGS.requiresApproval),
});

/** A membership tier (parsed, defaults applied). */
export type Tier = z.output<typeof TierSchema>;

/** Input accepted when an admin creates a tier (no id yet). */
export const TierInputSchema = TierSchema.omit({ id: true });

/**
 * Last day (inclusive) of a term that starts on `startDate`.
 *
 * Rolling: the day before the same day N months later (15 Jan + 12 months → 14 Jan); when
 * that day does not exist (31 Jan + 1 month) the term ends on the last day of the month.
 * Fixed: the first occurrence of the fixed month-day on or after `startDate`.
 */
export function termEndDate(term: Term, startDate: CalendarDate): CalendarDate {
  if (term.kind === "rolling") {
    const { day } = dateParts(startDate);
    const target = addMonths(startDate, term.months);
    // addMonths clamps to the month's last day; a clamped date is already the end.
    return dateParts(target).day < day ? target : addDays(target, -1);
  }
  const { year } = dateParts(startDate);
  const thisYear = fixedEndIn(year, term.endMonth, term.endDay);
  return thisYear >= startDate ? thisYear : fixedEndIn(year + 1, term.endMonth, term.endDay);
}

function fixedEndIn(year: number, month: number, day: number): CalendarDate {
  return formatDate(year, month, Math.min(day, daysInMonth(year, month)));
}
