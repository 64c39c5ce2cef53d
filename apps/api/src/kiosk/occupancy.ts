// Occupancy as kiosks and rosters show it — checked-in seats of the capacity and the seats
// a walk-in could take — for the kiosk router and the live event streams alike.
import {
  type ActivityRow,
  activitiesAtLocation,
  type Database,
  type LiveEvent,
  publishLive,
  type SeatTally,
  seatTallies,
  seatTally,
  type Tx,
} from "@readers/db";
import { walkInSeats, zonedDayBounds } from "@readers/domain";

export function occupancyOf(
  row: ActivityRow,
  counts: { checkedInSeats: number; heldSeats: number },
  now: Date,
) {
  return {
    activityId: row.id,
    checkedIn: counts.checkedInSeats,
    capacity: row.capacity,
    free: walkInSeats(row, counts, now),
  };
}
export type KioskOccupancy = ReturnType<typeof occupancyOf>;

/** Today's activities at a location (the association's day) with their occupancy. */
export async function occupancyAtLocation(
  db: Database,
  locationId: string,
  now: Date,
  timeZone: string,
): Promise<{ rows: ActivityRow[]; occupancy: Map<string, KioskOccupancy> }> {
  const { from, to } = zonedDayBounds(now, timeZone);
  const rows = await activitiesAtLocation(db, locationId, from, to);
  const tallies = await seatTallies(
    db,
    rows.map((r) => r.id),
  );
  const occupancy = new Map(
    rows.map((row) => [row.id, occupancyOf(row, tallies.get(row.id)!, now)]),
  );
  return { rows, occupancy };
}

/** The live event telling kiosks at the activity's location and its rosters. */
export function occupancyEvent(row: ActivityRow, occupancy: KioskOccupancy): LiveEvent {
  return {
    type: "occupancy",
    activityId: row.id,
    locationId: row.locationId,
    checkedIn: occupancy.checkedIn,
    capacity: occupancy.capacity,
    free: occupancy.free,
  };
}

/** Tells every kiosk and roster (on every instance) once the transaction commits. */
export async function announceOccupancy(
  tx: Tx,
  row: ActivityRow,
  occupancy: KioskOccupancy,
): Promise<void> {
  await publishLive(tx, occupancyEvent(row, occupancy));
}

/**
 * Seat counts of an activity as this instance last read them, at most `maxAgeMs` old. The
 * unlocked check-in path answers "12 / 40" from here instead of counting the registrations
 * on every arrival (a burst of 50 kiosks would count the same rows hundreds of times a
 * second); the live streams then refresh the exact figure (see http/live.ts). One read at a
 * time per activity: concurrent callers share it.
 */
const recent = new WeakMap<Database, Map<string, { at: number; counts: Promise<SeatTally> }>>();

export function recentSeatCounts(
  db: Database,
  activityId: string,
  now: number = Date.now(),
  maxAgeMs = 250,
): Promise<SeatTally> {
  let cache = recent.get(db);
  if (!cache) {
    cache = new Map();
    recent.set(db, cache);
  }
  const hit = cache.get(activityId);
  if (hit && now - hit.at < maxAgeMs) return hit.counts;
  if (cache.size > 1_000) cache.clear();
  const counts = seatTally(db, activityId);
  const entry = { at: now, counts };
  cache.set(activityId, entry);
  counts.catch(() => {
    if (cache.get(activityId) === entry) cache.delete(activityId);
  });
  return counts;
}
