// Automatic waitlist promotion (DESIGN §2.2): when seats free up before the start, the
// earliest waitlisted parties that fit move up, in the same transaction, and are told.
import {
  type ActivityRow,
  confirmedSeats,
  confirmRegistrations,
  getLocation,
  type RegistrationRow,
  type Tx,
  waitlistOf,
} from "@readers/db";
import { planWaitlistPromotion } from "@readers/domain";
import type { Context } from "../trpc/context.ts";
import { activityPayload, notifyRegistration } from "./notify.ts";

/**
 * Promotes what fits and notifies each promoted party. Call with the activity row locked
 * (the caller decided that seats were freed before the start).
 */
export async function promoteWaitlist(
  tx: Tx,
  ctx: Pick<Context, "now" | "services">,
  row: ActivityRow,
): Promise<RegistrationRow[]> {
  if (row.status !== "published" || ctx.now >= row.startsAt) return [];
  const plan = planWaitlistPromotion({
    capacity: row.capacity,
    confirmedSeats: await confirmedSeats(tx, row.id),
    waitlist: await waitlistOf(tx, row.id),
  });
  if (plan.length === 0) return [];
  const promoted = await confirmRegistrations(tx, plan, ctx.now);
  const location = await getLocation(tx, row.locationId);
  const payload = activityPayload(row, {
    locationName: location?.name ?? null,
    publicUrl: ctx.services.publicUrl,
    timeZone: ctx.services.timezone,
  });
  for (const reg of promoted) await notifyRegistration(tx, "waitlist_promoted", reg, payload);
  return promoted;
}
