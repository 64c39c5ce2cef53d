// Today's activities at this kiosk: the last answer of kiosk.today kept in localStorage so
// the start screen still works offline, and the check-in phase recomputed from the clock
// with the domain's own rule as the day moves on (the server's phase is a snapshot).
import { kioskPhase, preselectActivity } from "@readers/domain";
import type { Occupancy, Phase, Today, TodayActivity } from "./api.ts";

export const TODAY_STORAGE_KEY = "readers.kiosk.today";

interface CachedToday {
  deviceId: string;
  /** The association's calendar day the list is for, so yesterday's list is not shown. */
  day: string;
  today: Today;
}

/** YYYY-MM-DD of `at` in `timeZone`. */
export function dayIn(timeZone: string, at: Date): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(at);
}

export function saveToday(deviceId: string, today: Today, storage: Storage = localStorage) {
  const entry: CachedToday = {
    deviceId,
    day: dayIn(today.timeZone, new Date(today.serverTime)),
    today,
  };
  try {
    storage.setItem(TODAY_STORAGE_KEY, JSON.stringify(entry));
  } catch {
    // A full storage only costs the offline start screen.
  }
}

/** The cached list for this device and today's date, or null. */
export function loadToday(
  deviceId: string,
  now: Date,
  storage: Storage = localStorage,
): Today | null {
  try {
    const raw = storage.getItem(TODAY_STORAGE_KEY);
    if (!raw) return null;
    const entry = JSON.parse(raw) as CachedToday;
    if (entry.deviceId !== deviceId || !entry.today?.timeZone) return null;
    return entry.day === dayIn(entry.today.timeZone, now) ? entry.today : null;
  } catch {
    return null;
  }
}

export function clearToday(storage: Storage = localStorage) {
  storage.removeItem(TODAY_STORAGE_KEY);
}

export const STAFF_PIN_STORAGE_KEY = "readers.kiosk.staffPinRequired";

/**
 * Whether the last answer from the server required a staff PIN, kept beyond the day (the
 * cached list is only today's): a kiosk that starts offline tomorrow still knows.
 */
export function saveStaffPinRequired(required: boolean, storage: Storage = localStorage) {
  try {
    storage.setItem(STAFF_PIN_STORAGE_KEY, required ? "1" : "0");
  } catch {
    // Without it the kiosk asks for the PIN whenever it does not know (fails closed).
  }
}

export function loadStaffPinRequired(storage: Storage = localStorage): boolean | null {
  try {
    const value = storage.getItem(STAFF_PIN_STORAGE_KEY);
    return value === "1" ? true : value === "0" ? false : null;
  } catch {
    return null;
  }
}

/** The domain's view of an activity, rebuilt from the wire format. */
function asKioskActivity(activity: TodayActivity) {
  const startsAt = new Date(activity.startsAt);
  return {
    id: activity.id,
    status: activity.status,
    startsAt,
    endsAt: new Date(activity.endsAt),
    checkInOpensMinutesBefore: Math.round(
      (startsAt.getTime() - new Date(activity.checkInOpensAt).getTime()) / 60_000,
    ),
  };
}

export function phaseAt(activity: TodayActivity, now: Date): Phase {
  return kioskPhase(asKioskActivity(activity), now);
}

export function preselectAt(activities: readonly TodayActivity[], now: Date): string | null {
  return preselectActivity(activities.map(asKioskActivity), now);
}

/** Whether a guest could walk in now: seats free (or no limit) and open to the public. */
export function walkInState(
  activity: TodayActivity,
  occupancy: Occupancy,
): "available" | "full" | "members-only" {
  if (activity.audience === "members") return "members-only";
  if (occupancy.free !== null && occupancy.free <= 0) return "full";
  return "available";
}
