/** Notification kinds, channels, and which kinds members may switch off. */

/** Delivery channels. */
export const NOTIFICATION_CHANNELS = ["in_app", "email"] as const;
/** A delivery channel. */
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** Every kind of notification (DESIGN §2.5 plus account e-mails). */
export const NOTIFICATION_KINDS = [
  "registration_confirmed",
  "registration_waitlisted",
  "waitlist_promoted",
  "activity_changed",
  "activity_cancelled",
  "activity_reminder",
  "loan_requested",
  "loan_accepted",
  "loan_declined",
  "loan_due_soon",
  "loan_due_today",
  "loan_overdue",
  "queue_turn",
  "queue_ended",
  "membership_approved",
  "membership_expiring",
  "announcement_published",
  "password_reset",
  "email_verification",
] as const;
/** A notification kind. */
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** How a kind is delivered. */
export interface NotificationKindPolicy {
  /** Channels used when the member has not chosen. */
  readonly defaultChannels: readonly NotificationChannel[];
  /** `false`: always sent on `defaultChannels`; preferences are ignored. */
  readonly configurable: boolean;
}

const BOTH: readonly NotificationChannel[] = ["in_app", "email"];
const member = (
  defaultChannels: readonly NotificationChannel[] = BOTH,
): NotificationKindPolicy => ({
  defaultChannels,
  configurable: true,
});
// Account security mail must arrive where the account is: e-mail, not switchable.
const ALWAYS_EMAIL: NotificationKindPolicy = { defaultChannels: ["email"], configurable: false };

/** Delivery policy of every kind. */
export const NOTIFICATION_POLICIES: Readonly<Record<NotificationKind, NotificationKindPolicy>> = {
  registration_confirmed: member(),
  registration_waitlisted: member(),
  waitlist_promoted: member(),
  activity_changed: member(),
  activity_cancelled: member(),
  activity_reminder: member(),
  loan_requested: member(),
  loan_accepted: member(),
  loan_declined: member(),
  loan_due_soon: member(),
  loan_due_today: member(),
  loan_overdue: member(),
  queue_turn: member(),
  queue_ended: member(),
  membership_approved: member(),
  membership_expiring: member(),
  // Announcements are also on the portal's front page; no e-mail unless asked for.
  announcement_published: member(["in_app"]),
  password_reset: ALWAYS_EMAIL,
  email_verification: ALWAYS_EMAIL,
};

/** Kinds a member may switch on or off per channel. */
export const CONFIGURABLE_NOTIFICATION_KINDS = NOTIFICATION_KINDS.filter(
  (kind) => NOTIFICATION_POLICIES[kind].configurable,
);
