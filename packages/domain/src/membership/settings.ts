/** Association-wide membership settings and their defaults. */
import { z } from "zod";

/** Renewal may open at most a year ahead; beyond that it is a second membership. */
export const RENEWAL_WINDOW_DAYS_MAX = 366;

/**
 * Defaults: renewal opens 60 days before the end date; expiry notices 30 and 7 days
 * before it (DESIGN §2.1, §2.5).
 */
export const DEFAULT_MEMBERSHIP_SETTINGS = {
  renewalWindowDays: 60,
  expiryNoticeDays: [30, 7],
} as const;

/** Association-wide membership settings. */
export const MembershipSettingsSchema = z.object({
  renewalWindowDays: z
    .number()
    .int()
    .min(0)
    .max(RENEWAL_WINDOW_DAYS_MAX)
    .default(DEFAULT_MEMBERSHIP_SETTINGS.renewalWindowDays),
  expiryNoticeDays: z
    .array(z.number().int().min(1).max(RENEWAL_WINDOW_DAYS_MAX))
    .max(5)
    .default([...DEFAULT_MEMBERSHIP_SETTINGS.expiryNoticeDays]),
});

/** Association-wide membership settings (parsed). */
export type MembershipSettings = z.output<typeof MembershipSettingsSchema>;
