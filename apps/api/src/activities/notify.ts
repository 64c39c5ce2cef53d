// Activity notifications through the outbox, in the caller's transaction: who hears of a
// registration, a promotion, a change or a cancellation. Guests are reached by e-mail only.
import type { ActivityRow, RegistrationRow, Tx } from "@readers/db";
import type { Recipient } from "@readers/domain";
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
