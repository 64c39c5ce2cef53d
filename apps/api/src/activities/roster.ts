// The organizer's roster: each registration with what check-in needs (a name, the member
// number, the party) and what became of it — no e-mail addresses or phone numbers.
import { type ActivityRow, type RegistrationRow, type RosterRow, toActivity } from "@readers/db";
import { formatMemberNumber, registrationAttendance, sortWaitlist } from "@readers/domain";
import { stringify } from "csv-stringify/sync";

/** A roster never needs more than this many lines on one screen or in one file. */
export const ROSTER_MAX = 5_000;

export function rosterLine(
  row: RosterRow,
  activity: ActivityRow,
  now: Date,
  waitlistPosition: number | null,
) {
  const reg: RegistrationRow = row.registration;
  const name = reg.memberId
    ? `${row.firstName ?? ""} ${row.lastName ?? ""}`.trim()
    : (reg.guestName ?? "");
  return {
    registrationId: reg.id,
    kind: reg.walkIn
      ? ("walk_in" as const)
      : reg.memberId
        ? ("member" as const)
        : ("guest" as const),
    name,
    memberNumber: row.memberNumber ? formatMemberNumber(row.memberNumber) : null,
    partySize: reg.partySize,
    status: reg.status,
    lateCancellation: reg.lateCancellation,
    attendance: registrationAttendance(reg, toActivity(activity), now),
    checkedInAt: reg.checkedInAt?.toISOString() ?? null,
    checkedInSeats: reg.checkedInAt ? (reg.checkedInSeats ?? reg.partySize) : null,
    waitlistPosition,
    createdAt: reg.createdAt.toISOString(),
    promotedAt: reg.promotedAt?.toISOString() ?? null,
    cancelledAt: reg.cancelledAt?.toISOString() ?? null,
  };
}

export type RosterLine = ReturnType<typeof rosterLine>;

/** Roster lines with waitlist places (1-based, in serving order). */
export function rosterLines(rows: RosterRow[], activity: ActivityRow, now: Date): RosterLine[] {
  const waitlisted = sortWaitlist(
    rows
      .filter((r) => r.registration.status === "waitlisted")
      .map((r) => ({
        id: r.registration.id,
        partySize: r.registration.partySize,
        createdAt: r.registration.createdAt,
      })),
  );
  const places = new Map(waitlisted.map((entry, index) => [entry.id, index + 1]));
  return rows.map((row) => rosterLine(row, activity, now, places.get(row.registration.id) ?? null));
}

/** A cell a spreadsheet would run as a formula gets a leading apostrophe (CSV injection). */
function safeCell(value: string): string {
  return /^[=@\t\r]/.test(value) || /^[+-][^0-9 (]/.test(value) ? `'${value}` : value;
}

export const ROSTER_CSV_COLUMNS = [
  "name",
  "member_number",
  "kind",
  "party_size",
  "status",
  "late_cancellation",
  "attendance",
  "checked_in_at",
  "checked_in_seats",
  "waitlist_position",
  "registered_at",
] as const;

export function rosterCsv(lines: RosterLine[]): string {
  const records = lines.map((l) =>
    [
      l.name,
      l.memberNumber ?? "",
      l.kind,
      String(l.partySize),
      l.status,
      l.lateCancellation ? "yes" : "no",
      l.attendance,
      l.checkedInAt ?? "",
      l.checkedInSeats === null ? "" : String(l.checkedInSeats),
      l.waitlistPosition === null ? "" : String(l.waitlistPosition),
      l.createdAt,
    ].map(safeCell),
  );
  return stringify([[...ROSTER_CSV_COLUMNS], ...records]);
}
