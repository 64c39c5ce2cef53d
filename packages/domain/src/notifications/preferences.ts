/** Members' notification preferences: per kind, per channel, on or off. */
import { z } from "zod";
import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_KINDS,
  NOTIFICATION_POLICIES,
  type NotificationChannel,
  type NotificationKind,
} from "./kinds.js";

/** Channel switches for one kind; a missing channel keeps its default. */
export const ChannelPreferenceSchema = z
  .object({ in_app: z.boolean(), email: z.boolean() })
  .partial()
  .strict();

/**
 * A member's preferences: for any kind, which channels are on. Kinds not mentioned use
 * their defaults; non-configurable kinds (password reset…) ignore what is set here.
 */
export const NotificationPreferencesSchema = z.partialRecord(
  z.enum(NOTIFICATION_KINDS),
  ChannelPreferenceSchema,
);

/** A member's notification preferences (parsed). */
export type NotificationPreferences = z.output<typeof NotificationPreferencesSchema>;

/** Input of `notifications.setPreferences`. */
export const SetNotificationPreferencesInputSchema = z.object({
  preferences: NotificationPreferencesSchema,
});

/** No choices made: every kind on its default channels. */
export const DEFAULT_NOTIFICATION_PREFERENCES: NotificationPreferences = Object.freeze({});

/**
 * Channels a member receives `kind` on, given their preferences.
 *
 * @example notificationChannels("password_reset", { password_reset: { email: false } }) // ["email"]
 */
export function notificationChannels(
  kind: NotificationKind,
  preferences: NotificationPreferences = DEFAULT_NOTIFICATION_PREFERENCES,
): NotificationChannel[] {
  const policy = NOTIFICATION_POLICIES[kind];
  if (!policy.configurable) return [...policy.defaultChannels];
  const chosen = preferences[kind] ?? {};
  return NOTIFICATION_CHANNELS.filter(
    (channel) => chosen[channel] ?? policy.defaultChannels.includes(channel),
  );
}

/** Every kind with its effective channels: what `notifications.preferences` shows. */
export function effectiveNotificationPreferences(
  preferences: NotificationPreferences = DEFAULT_NOTIFICATION_PREFERENCES,
): Record<NotificationKind, { channels: NotificationChannel[]; configurable: boolean }> {
  return Object.fromEntries(
    NOTIFICATION_KINDS.map((kind) => [
      kind,
      {
        channels: notificationChannels(kind, preferences),
        configurable: NOTIFICATION_POLICIES[kind].configurable,
      },
    ]),
  ) as Record<NotificationKind, { channels: NotificationChannel[]; configurable: boolean }>;
}
