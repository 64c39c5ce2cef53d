/** The waitlist: first come, first served; promote the earliest parties that fit. */

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
