/** Which events notify whom, and on which channels (the outbox rows to write). */
import { z } from "zod";
import { IdSchema, PageInputSchema } from "../shared/schemas.js";
import { addMinutes } from "../shared/time-zone.js";
import type { NotificationChannel, NotificationKind } from "./kinds.js";
import { type NotificationPreferences, notificationChannels } from "./preferences.js";

/** Who receives a notification: a member (preferences apply), or an e-mail address only. */
export type Recipient =
  | { readonly kind: "member"; readonly memberId: string }
  /** Guests of public activities and account e-mails: e-mail is the only channel. */
  | { readonly kind: "email"; readonly email: string };

/** Something that happened, with the people it concerns. */
export type NotificationEvent =
  | {
      readonly kind: "registration_confirmed" | "registration_waitlisted" | "waitlist_promoted";
      readonly activityId: string;
      readonly registrant: Recipient;
    }
  | {
      readonly kind: "activity_changed" | "activity_cancelled";
      readonly activityId: string;
      /** Holders of confirmed and waitlisted registrations. */
      readonly registrants: readonly Recipient[];
    }
  | {
      readonly kind: "activity_reminder";
      readonly activityId: string;
      /** Holders of confirmed registrations. */
      readonly registrants: readonly Recipient[];
    }
  | {
      readonly kind: "loan_requested";
      readonly loanId: string;
      /** `null` for association copies (shelf requests are accepted automatically). */
      readonly ownerMemberId: string | null;
    }
  | {
      readonly kind: "loan_accepted" | "loan_declined" | "loan_due_soon" | "loan_due_today";
      readonly loanId: string;
      readonly borrowerId: string;
    }
  | {
      readonly kind: "loan_overdue";
      readonly loanId: string;
      readonly borrowerId: string;
      readonly ownerMemberId: string | null;
    }
  | {
      /** A queue place ended with its copy (withdrawn, lost or given away). */
      readonly kind: "queue_turn" | "queue_ended";
      readonly copyId: string;
      readonly memberId: string;
    }
  | { readonly kind: "membership_approved"; readonly memberId: string }
  | { readonly kind: "membership_expiring"; readonly memberId: string; readonly daysLeft: number }
  | {
      readonly kind: "announcement_published";
      readonly announcementId: string;
      readonly memberIds: readonly string[];
    }
  | { readonly kind: "password_reset" | "email_verification"; readonly email: string };

/** Whom an event notifies, without duplicates. */
export function notificationRecipients(event: NotificationEvent): Recipient[] {
  const memberRecipient = (memberId: string): Recipient => ({ kind: "member", memberId });
  let recipients: Recipient[];
  switch (event.kind) {
    case "registration_confirmed":
    case "registration_waitlisted":
    case "waitlist_promoted":
      recipients = [event.registrant];
      break;
    case "activity_changed":
    case "activity_cancelled":
    case "activity_reminder":
      recipients = [...event.registrants];
      break;
    case "loan_requested":
      recipients = event.ownerMemberId === null ? [] : [memberRecipient(event.ownerMemberId)];
      break;
    case "loan_accepted":
    case "loan_declined":
    case "loan_due_soon":
    case "loan_due_today":
      recipients = [memberRecipient(event.borrowerId)];
      break;
    case "loan_overdue":
      // The owner learns that their book is late too.
      recipients = [memberRecipient(event.borrowerId)];
      if (event.ownerMemberId !== null) recipients.push(memberRecipient(event.ownerMemberId));
      break;
    case "queue_turn":
    case "queue_ended":
    case "membership_approved":
    case "membership_expiring":
      recipients = [memberRecipient(event.memberId)];
      break;
    case "announcement_published":
      recipients = event.memberIds.map(memberRecipient);
      break;
    case "password_reset":
    case "email_verification":
      recipients = [{ kind: "email", email: event.email }];
      break;
  }
  const seen = new Set<string>();
  return recipients.filter((r) => {
    const key = r.kind === "member" ? `m:${r.memberId}` : `e:${r.email.toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** One delivery to write to the outbox in the same transaction as the change. */
export interface OutboxMessage {
  readonly kind: NotificationKind;
  readonly channel: NotificationChannel;
  readonly recipient: Recipient;
}

/**
 * The outbox rows for an event: one per recipient and channel, honouring each member's
 * preferences (looked up by member id; missing = defaults). E-mail-only recipients get
 * e-mail whatever the kind's defaults.
 */
export function planNotifications(
  event: NotificationEvent,
  preferencesByMember: Readonly<Record<string, NotificationPreferences>> = {},
): OutboxMessage[] {
  return notificationRecipients(event).flatMap((recipient) => {
    const channels: NotificationChannel[] =
      recipient.kind === "member"
        ? notificationChannels(event.kind, preferencesByMember[recipient.memberId])
        : ["email"];
    return channels.map((channel) => ({ kind: event.kind, channel, recipient }));
  });
}

/** Hours before the start when the activity reminder goes out. */
export const ACTIVITY_REMINDER_HOURS_BEFORE = 24;

/** When the "reminder 24 h before" of an activity is due. */
export function activityReminderAt(activity: { readonly startsAt: Date }): Date {
  return addMinutes(activity.startsAt, -ACTIVITY_REMINDER_HOURS_BEFORE * 60);
}

/** Input of `notifications.list`. */
export const NotificationListInputSchema = PageInputSchema.extend({
  unreadOnly: z.boolean().default(false),
});

/** Input of `notifications.markRead`: some ids, or all. */
export const MarkReadInputSchema = z.union([
  z.object({ ids: z.array(IdSchema).min(1).max(100) }),
  z.object({ all: z.literal(true) }),
]);
