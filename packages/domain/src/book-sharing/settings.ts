/** Association-wide book-sharing settings and their defaults. */
import { z } from "zod";

/** Longest wait for an answer or a pickup: a month. */
export const BOOK_SHARING_WAIT_DAYS_MAX = 31;

/**
 * Defaults of DESIGN §2.4: a request with no answer expires after 7 days, an accepted
 * loan not collected after 7 days (also the pickup time offered to the head of a shelf
 * copy's queue).
 */
export const DEFAULT_BOOK_SHARING_SETTINGS = {
  requestExpiryDays: 7,
  pickupDays: 7,
} as const;

/** Book-sharing settings. */
export const BookSharingSettingsSchema = z.object({
  requestExpiryDays: z
    .number()
    .int()
    .min(1)
    .max(BOOK_SHARING_WAIT_DAYS_MAX)
    .default(DEFAULT_BOOK_SHARING_SETTINGS.requestExpiryDays),
  pickupDays: z
    .number()
    .int()
    .min(1)
    .max(BOOK_SHARING_WAIT_DAYS_MAX)
    .default(DEFAULT_BOOK_SHARING_SETTINGS.pickupDays),
});

/** Book-sharing settings (parsed). */
export type BookSharingSettings = z.output<typeof BookSharingSettingsSchema>;
