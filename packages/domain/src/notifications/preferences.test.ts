import { describe, expect, it } from "vitest";
import { CONFIGURABLE_NOTIFICATION_KINDS, NOTIFICATION_KINDS } from "./kinds.js";
import {
  effectiveNotificationPreferences,
  NotificationPreferencesSchema,
  notificationChannels,
  SetNotificationPreferencesInputSchema,
} from "./preferences.js";

describe("notification preferences", () => {
  it("defaults: in-app and e-mail; announcements in-app only", () => {
    expect(notificationChannels("loan_requested")).toEqual(["in_app", "email"]);
    expect(notificationChannels("announcement_published")).toEqual(["in_app"]);
  });

  it("members switch channels per kind", () => {
    expect(notificationChannels("loan_requested", { loan_requested: { email: false } })).toEqual([
      "in_app",
    ]);
    expect(
      notificationChannels("announcement_published", { announcement_published: { email: true } }),
    ).toEqual(["in_app", "email"]);
    expect(
      notificationChannels("activity_reminder", {
        activity_reminder: { in_app: false, email: false },
      }),
    ).toEqual([]);
  });

  it.each(["password_reset", "email_verification"] as const)(
    "%s is always e-mail and cannot be turned off",
    (kind) => {
      expect(notificationChannels(kind, { [kind]: { email: false, in_app: true } })).toEqual([
        "email",
      ]);
      expect(CONFIGURABLE_NOTIFICATION_KINDS).not.toContain(kind);
    },
  );

  it("effective preferences list every kind", () => {
    const effective = effectiveNotificationPreferences({ queue_turn: { email: false } });
    expect(Object.keys(effective)).toEqual([...NOTIFICATION_KINDS]);
    expect(effective.queue_turn).toEqual({ channels: ["in_app"], configurable: true });
    expect(effective.password_reset).toEqual({ channels: ["email"], configurable: false });
  });

  it("schema refuses unknown kinds and channels", () => {
    expect(
      NotificationPreferencesSchema.safeParse({ loan_requested: { email: false } }).success,
    ).toBe(true);
    expect(NotificationPreferencesSchema.safeParse({ party: { email: false } }).success).toBe(
      false,
    );
    expect(NotificationPreferencesSchema.safeParse({ loan_requested: { sms: true } }).success).toBe(
      false,
    );
    expect(SetNotificationPreferencesInputSchema.safeParse({ preferences: {} }).success).toBe(true);
  });
});
