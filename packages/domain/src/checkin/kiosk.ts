/** Kiosk pairing codes and the start screen's choice of activity (DESIGN §2.3). */
import { z } from "zod";
import { type Activity, checkInOpensAt } from "../activities/activity.js";
import { zonedInstant } from "../activities/recurrence.js";
import { addDays, dateParts } from "../shared/calendar.js";
import { dateInZone } from "../shared/time-zone.js";

/**
 * Pairing codes use Crockford's base-32 alphabet: no I, L, O or U, so nothing on a kiosk's
 * on-screen keyboard can be misread. Eight characters (40 bits) valid for 15 minutes and
 * rate-limited per address cannot be guessed.
 */
export const PAIRING_CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/** Characters in a pairing code. */
export const PAIRING_CODE_LENGTH = 8;
/** How long an admin's pairing code stays valid. */
export const PAIRING_CODE_TTL_MINUTES = 15;

/**
 * Normalises what a person typed: upper case, spaces and dashes dropped, and the letters
 * Crockford maps to digits (I, L → 1; O → 0) replaced.
 *
 * @example normalizePairingCode("k7qp-2m9x") // "K7QP2M9X"
 */
export function normalizePairingCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, "").replace(/[IL]/g, "1").replace(/O/g, "0");
}

/** Formats a code for display in two groups of four: "K7QP-2M9X". */
export function formatPairingCode(code: string): string {
  const clean = normalizePairingCode(code);
  return `${clean.slice(0, 4)}-${clean.slice(4)}`;
}

/** A pairing code as a kiosk sends it: normalised, then checked against the alphabet. */
export const PairingCodeSchema = z
  .string()
  .max(32)
  .transform(normalizePairingCode)
  .refine(
    (code) =>
      code.length === PAIRING_CODE_LENGTH &&
      Array.from(code).every((c) => PAIRING_CODE_ALPHABET.includes(c)),
    `A pairing code has ${PAIRING_CODE_LENGTH} letters and digits.`,
  );

/** Input of `kioskPairing.activate`. */
export const ActivateKioskInputSchema = z.object({ code: PairingCodeSchema });

/**
 * The staff PIN that opens a kiosk's "Needs staff" list (refused offline check-ins, with
 * names and reasons): 4 to 8 digits, typed on the kiosk's keypad.
 */
export const KioskStaffPinSchema = z
  .string()
  .trim()
  .regex(/^\d{4,8}$/, "The staff PIN is 4 to 8 digits.");

/** Input of `kiosk.setStaffPin` (admins): a new PIN, or null to open the list to anyone. */
export const SetKioskStaffPinInputSchema = z.object({ pin: KioskStaffPinSchema.nullable() });

/** Input of `kiosk.unlockStaff` (a kiosk): the PIN typed by staff. */
export const UnlockKioskStaffInputSchema = z.object({ pin: z.string().max(16) });

/** Name of a kiosk device, as the admin sees it in the device list. */
export const KioskNameSchema = z.string().trim().min(1).max(80);

/**
 * Where an activity stands for the kiosk: check-in not open yet, open, or over. Cancelled
 * activities are shown but never open.
 */
export type KioskPhase = "upcoming" | "open" | "closed";

/** The activity fields the kiosk's start screen reasons about. */
export type KioskActivity = Pick<
  Activity,
  "status" | "startsAt" | "endsAt" | "checkInOpensMinutesBefore"
> & { readonly id: string };

/** The check-in phase of an activity at `now`. */
export function kioskPhase(activity: KioskActivity, now: Date): KioskPhase {
  if (activity.status !== "published" || now >= activity.endsAt) return "closed";
  return now < checkInOpensAt(activity) ? "upcoming" : "open";
}

/**
 * The activity the start screen preselects: among those whose check-in window is open, the
 * one starting soonest (ties by id); `null` when none is open, so the attendee chooses.
 */
export function preselectActivity(activities: readonly KioskActivity[], now: Date): string | null {
  const open = activities
    .filter((a) => kioskPhase(a, now) === "open")
    .sort(
      (a, b) =>
        a.startsAt.getTime() - b.startsAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
  return open[0]?.id ?? null;
}

/**
 * The association's local day containing `now`, as instants `[from, to)`: what "today's
 * activities" means on a kiosk (23 or 25 hours long on daylight-saving days).
 *
 * @example zonedDayBounds(new Date("2026-05-01T20:00:00Z"), "Asia/Shanghai")
 * // { from: 2026-05-01T16:00:00Z, to: 2026-05-02T16:00:00Z }
 */
export function zonedDayBounds(now: Date, timeZone: string): { from: Date; to: Date } {
  const today = dateInZone(now, timeZone);
  return { from: startOfDay(today, timeZone), to: startOfDay(addDays(today, 1), timeZone) };
}

/**
 * The first instant of a local date. Where clocks jump forward at midnight (Santiago,
 * Havana…) there is no 00:00; the day starts at the end of the gap, found by bisection.
 */
function startOfDay(date: string, timeZone: string): Date {
  const guess = zonedInstant({ ...dateParts(date), hour: 0, minute: 0 }, timeZone);
  if (dateInZone(guess, timeZone) === date) return guess;
  // `guess` fell on the day before; the day has begun within a few hours.
  let lo = guess.getTime();
  let hi = lo + 4 * 3_600_000;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (dateInZone(new Date(mid), timeZone) === date) hi = mid;
    else lo = mid;
  }
  return new Date(hi);
}
