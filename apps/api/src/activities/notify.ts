// Activity notifications through the outbox, in the caller's transaction: who hears of a
// registration, a promotion, a change or a cancellation. Guests are reached by e-mail only.
import type { ActivityRow, NewOutboxMessage, RegistrationRow, Tx } from "@readers/db";
import { planNotifications, type Recipient } from "@readers/domain";
import { enqueueNotification } from "../notifications/notify.ts";
import { activityLinks } from "./views.ts";

/** Whom a registration's news goes to: the member, or the guest's e-mail (walk-ins: nobody). */
export function recipientOf(reg: RegistrationRow): Recipient | null {
  if (reg.memberId) return { kind: "member", memberId: reg.memberId };
  if (reg.guestEmail) return { kind: "email", email: reg.guestEmail };
  return null;
}

/** What every activity message says: which activity, when (with the zone to show it in), where. */
export function activityPayload(
  row: ActivityRow,
  where: { locationName: string | null; publicUrl: string; timeZone: string },
): Record<string, unknown> {
  return {
    activityId: row.id,
    title: row.title,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    timeZone: where.timeZone,
    location: where.locationName ?? "",
    url: activityLinks(where.publicUrl, row.id).url,
  };
}

/** Tells one registrant about their registration (confirmed, waitlisted, promoted). */
export async function notifyRegistration(
  tx: Tx,
  kind: "registration_confirmed" | "registration_waitlisted" | "waitlist_promoted",
  reg: RegistrationRow,
  payload: Record<string, unknown>,
): Promise<number> {
  const registrant = recipientOf(reg);
  if (!registrant) return 0;
  return enqueueNotification(
    tx,
    { kind, activityId: reg.activityId, registrant },
    { ...payload, registrationId: reg.id, partySize: reg.partySize, guest: !reg.memberId },
  );
}

/** Tells every holder of `regs` that the activity changed or was cancelled. */
export async function notifyRegistrants(
  tx: Tx,
  kind: "activity_changed" | "activity_cancelled",
  activityId: string,
  regs: RegistrationRow[],
  payload: Record<string, unknown>,
): Promise<number> {
  const registrants = regs.map(recipientOf).filter((r): r is Recipient => r !== null);
  if (registrants.length === 0) return 0;
  return enqueueNotification(tx, { kind, activityId, registrants }, payload);
}

/** A registrant's addresses, looked up before the activity's lock is taken. */
export interface ResolvedRegistrant {
  recipient: Recipient;
  /** The account for in-app delivery; null for guests and members without one. */
  userId: string | null;
  email: string | null;
  locale: string;
}

/**
 * Where a registration's news goes, from what the handler already holds (the signed-in
 * member and their account, or the guest's address): no lookups inside the locked section.
 */
export function registrantOf(
  holder:
    | { member: { id: string; email: string | null }; account: { userId: string; locale: string } }
    | { guestEmail: string },
): ResolvedRegistrant {
  if ("guestEmail" in holder) {
    return {
      recipient: { kind: "email", email: holder.guestEmail },
      userId: null,
      email: holder.guestEmail,
      locale: "en",
    };
  }
  return {
    recipient: { kind: "member", memberId: holder.member.id },
    userId: holder.account.userId,
    email: holder.member.email,
    locale: holder.account.locale,
  };
}

/**
 * The outbox rows of a registration notice for a resolved registrant: the same plan
 * (channels by the domain's `planNotifications`) and the same rows as
 * `enqueueNotification`, without its lookups, so a batch writes them in one insert.
 */
export function outboxRowsForRegistrant(
  kind: "registration_confirmed" | "registration_waitlisted",
  reg: RegistrationRow,
  registrant: ResolvedRegistrant,
  payload: Record<string, unknown>,
): NewOutboxMessage[] {
  return planNotifications({
    kind,
    activityId: reg.activityId,
    registrant: registrant.recipient,
  }).flatMap((message) => {
    // As enqueueNotification: in-app needs an account, e-mail an address.
    if (message.channel === "in_app" && !registrant.userId) return [];
    if (message.channel === "email" && !registrant.email) return [];
    return [
      {
        kind: message.kind,
        channel: message.channel,
        userId: registrant.userId,
        toEmail: message.channel === "email" ? registrant.email : null,
        locale: registrant.locale,
        payload: {
          ...payload,
          registrationId: reg.id,
          partySize: reg.partySize,
          guest: !reg.memberId,
        },
      },
    ];
  });
}
