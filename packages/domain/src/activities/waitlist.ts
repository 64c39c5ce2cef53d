/** The waitlist: first come, first served; promote the earliest parties that fit. */
import { err, ok, type Refusal, type Result } from "../shared/result.js";
import type { Activity } from "./activity.js";
import type { Registration } from "./registration.js";

/** A waitlisted party. */
export interface WaitlistEntry {
  readonly id: string;
  readonly partySize: number;
  /** When the party registered; earlier is served first (ties broken by id). */
  readonly createdAt: Date;
}

/** Input of {@link planWaitlistPromotion}. */
export interface WaitlistPromotionInput {
  /** `null` = unlimited: everybody is promoted. */
  readonly capacity: number | null;
  /** Seats held by confirmed registrations now. */
  readonly confirmedSeats: number;
  /** Waitlisted parties, in any order. */
  readonly waitlist: readonly WaitlistEntry[];
}

/** The waitlist in serving order: by `createdAt`, then by id so the order is total. */
export function sortWaitlist<T extends WaitlistEntry>(waitlist: readonly T[]): T[] {
  return [...waitlist].sort(
    (a, b) =>
      a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** 1-based place of registration `id` on the waitlist, or `null` when it is not on it. */
export function waitlistPosition(waitlist: readonly WaitlistEntry[], id: string): number | null {
  const index = sortWaitlist(waitlist).findIndex((entry) => entry.id === id);
  return index === -1 ? null : index + 1;
}

/**
 * Which waitlisted parties move up when seats free (a cancellation, a larger capacity):
 * walking the waitlist in order, every party that fits in the remaining seats is promoted
 * as a whole; a party that does not fit is skipped but keeps its place. Returns the ids
 * to confirm, in order. Call it only before the activity starts, inside the transaction
 * that holds the activity's lock.
 *
 * @example
 * planWaitlistPromotion({ capacity: 10, confirmedSeats: 8, waitlist: [
 *   { id: "a", partySize: 3, createdAt: t1 }, { id: "b", partySize: 2, createdAt: t2 } ] })
 * // ["b"] — "a" does not fit and stays first in line
 */
export function planWaitlistPromotion(input: WaitlistPromotionInput): string[] {
  const ordered = sortWaitlist(input.waitlist);
  if (input.capacity === null) return ordered.map((entry) => entry.id);
  let free = input.capacity - input.confirmedSeats;
  const promoted: string[] = [];
  for (const entry of ordered) {
    if (free <= 0) break;
    if (entry.partySize <= free) {
      promoted.push(entry.id);
      free -= entry.partySize;
    }
  }
  return promoted;
}

/** An organizer's move of one waitlisted party to confirmed. */
export interface WaitlistMoveDecision {
  /** `false` when the party is confirmed already (nothing to do). */
  readonly promote: boolean;
}

/** Refusals of {@link decideWaitlistMove}. */
export type WaitlistMoveRefusal =
  | Refusal<"REGISTRATION_ALREADY_CANCELLED">
  | Refusal<"ACTIVITY_NOT_PUBLISHED">
  | Refusal<"ACTIVITY_CANCELLED">
  | Refusal<"ACTIVITY_ENDED">
  | Refusal<"ACTIVITY_FULL", { freeSeats: number }>;

/**
 * Decides an organizer moving a specific waitlisted party up, out of turn if they choose
 * (a speaker's guest, a wheelchair user near the door): only if the whole party fits in
 * the free seats, so confirmed seats never exceed capacity. Allowed until the end, so a
 * waitlisted party can be seated at the door. Call it under the activity's lock.
 */
export function decideWaitlistMove(input: {
  readonly activity: Pick<Activity, "status" | "capacity" | "endsAt">;
  readonly registration: Pick<Registration, "status" | "partySize">;
  /** Confirmed seats counted under the lock. */
  readonly confirmedSeats: number;
  readonly now: Date;
}): Result<WaitlistMoveDecision, WaitlistMoveRefusal> {
  const { activity, registration, confirmedSeats, now } = input;
  if (registration.status === "cancelled") {
    return err("REGISTRATION_ALREADY_CANCELLED", "This registration is cancelled.");
  }
  if (registration.status === "confirmed") return ok({ promote: false });
  if (activity.status === "draft") {
    return err("ACTIVITY_NOT_PUBLISHED", "This activity is not published.");
  }
  if (activity.status === "cancelled") {
    return err("ACTIVITY_CANCELLED", "This activity was cancelled.");
  }
  if (now >= activity.endsAt) return err("ACTIVITY_ENDED", "This activity is over.");
  const freeSeats =
    activity.capacity === null ? Number.POSITIVE_INFINITY : activity.capacity - confirmedSeats;
  if (registration.partySize > freeSeats) {
    return err("ACTIVITY_FULL", "Not enough free seats for this party.", {
      freeSeats: Math.max(0, freeSeats),
    });
  }
  return ok({ promote: true });
}
