import { describe, expect, it } from "vitest";
import { activity, plusMinutes, START } from "../../test/fixtures.js";
import {
  type AttendanceRegistration,
  attendanceSummary,
  decideManualCheckIn,
  decideUndoCheckIn,
  registrationAttendance,
} from "./attendance.js";

const reg = (overrides: Partial<AttendanceRegistration> = {}): AttendanceRegistration => ({
  status: "confirmed",
  partySize: 1,
  checkedInAt: null,
  lateCancellation: false,
  ...overrides,
});
const before = plusMinutes(START, -30);
const afterDeadline = plusMinutes(START, 20);

describe("registrationAttendance", () => {
  it.each([
    ["expected", reg(), before],
    ["expected", reg(), plusMinutes(START, 10)],
    ["no_show", reg(), afterDeadline],
    ["attended", reg({ checkedInAt: START }), afterDeadline],
    ["waitlisted", reg({ status: "waitlisted" }), afterDeadline],
    ["cancelled", reg({ status: "cancelled" }), before],
    ["late_cancellation", reg({ status: "cancelled", lateCancellation: true }), before],
  ] as const)("%s", (expected, registration, now) => {
    expect(registrationAttendance(registration, activity(), now)).toBe(expected);
  });

  it("counts nobody as a no-show at a cancelled activity", () => {
    expect(registrationAttendance(reg(), activity({ status: "cancelled" }), afterDeadline)).toBe(
      "cancelled",
    );
  });
});

describe("attendanceSummary", () => {
  const registrations = [
    reg({ partySize: 2, checkedInAt: START }),
    reg({ partySize: 3, checkedInAt: START, checkedInSeats: 2 }),
    reg({ partySize: 2 }),
    reg({ status: "waitlisted", partySize: 4 }),
    reg({ status: "cancelled", lateCancellation: true }),
    reg({ status: "cancelled" }),
    reg({ walkIn: true, partySize: 2, checkedInAt: START }),
    reg({ walkIn: true, checkedInAt: null }),
  ];

  it("sums parties and seats, walk-ins apart", () => {
    expect(attendanceSummary(activity(), registrations, afterDeadline)).toEqual({
      confirmedParties: 3,
      confirmedSeats: 7,
      waitlistedParties: 1,
      waitlistedSeats: 4,
      attendedParties: 2,
      attendedSeats: 6,
      noShowParties: 1,
      noShowSeats: 2,
      walkInParties: 1,
      walkInSeats: 2,
      lateCancellations: 1,
      cancellations: 1,
      noShowRate: 1 / 3,
    });
  });

  it("gives no no-show rate before the deadline or without bookings", () => {
    expect(attendanceSummary(activity(), registrations, before).noShowRate).toBeNull();
    expect(attendanceSummary(activity(), [], afterDeadline).noShowRate).toBeNull();
    expect(
      attendanceSummary(activity({ status: "cancelled" }), registrations, afterDeadline),
    ).toMatchObject({ noShowParties: 0, noShowRate: null, cancellations: 1 });
  });
});

describe("decideManualCheckIn", () => {
  const counts = { checkedInSeats: 0, heldSeats: 0 };
  const open = plusMinutes(START, -60);

  it("checks in a confirmed party, or part of it", () => {
    expect(
      decideManualCheckIn({
        activity: activity(),
        registration: reg({ partySize: 3 }),
        counts,
        now: open,
      }),
    ).toEqual({
      ok: true,
      value: { outcome: "CHECKED_IN", checkedInAt: open, seats: 3, confirm: false },
    });
    expect(
      decideManualCheckIn({
        activity: activity(),
        registration: reg({ partySize: 3 }),
        counts,
        seats: 2,
        now: open,
      }),
    ).toMatchObject({ value: { seats: 2 } });
  });

  it("is idempotent and works after the end (attendance from a paper list)", () => {
    expect(
      decideManualCheckIn({
        activity: activity(),
        registration: reg({ checkedInAt: START }),
        counts,
        now: plusMinutes(START, 600),
      }),
    ).toEqual({
      ok: true,
      value: { outcome: "ALREADY_CHECKED_IN", checkedInAt: START, seats: 0, confirm: false },
    });
    expect(
      decideManualCheckIn({
        activity: activity(),
        registration: reg(),
        counts,
        now: plusMinutes(START, 600),
      }),
    ).toMatchObject({ ok: true, value: { outcome: "CHECKED_IN" } });
  });

  it("seats a waitlisted party only if seats are free, and confirms it", () => {
    const a = activity({ capacity: 10 });
    const waitlisted = reg({ status: "waitlisted", partySize: 2 });
    expect(
      decideManualCheckIn({
        activity: a,
        registration: waitlisted,
        counts: { checkedInSeats: 5, heldSeats: 3 },
        now: open,
      }),
    ).toMatchObject({ ok: true, value: { confirm: true, seats: 2 } });
    expect(
      decideManualCheckIn({
        activity: a,
        registration: waitlisted,
        counts: { checkedInSeats: 5, heldSeats: 4 },
        now: open,
      }),
    ).toMatchObject({ ok: false, code: "NOT_REGISTERED_AND_FULL", freeSeats: 1 });
    // After the no-show deadline held seats are released.
    expect(
      decideManualCheckIn({
        activity: a,
        registration: waitlisted,
        counts: { checkedInSeats: 5, heldSeats: 4 },
        now: afterDeadline,
      }),
    ).toMatchObject({ ok: true });
    expect(
      decideManualCheckIn({
        activity: activity({ capacity: null }),
        registration: waitlisted,
        counts: { checkedInSeats: 500, heldSeats: 0 },
        now: open,
      }),
    ).toMatchObject({ ok: true });
  });

  it.each([
    ["REGISTRATION_ALREADY_CANCELLED", activity(), reg({ status: "cancelled" }), open, undefined],
    ["ACTIVITY_NOT_PUBLISHED", activity({ status: "draft" }), reg(), open, undefined],
    ["ACTIVITY_CANCELLED", activity({ status: "cancelled" }), reg(), open, undefined],
    ["CHECKIN_NOT_OPEN", activity(), reg(), plusMinutes(START, -61), undefined],
    ["PARTY_TOO_LARGE", activity(), reg({ partySize: 2 }), open, 3],
  ] as const)("refuses with %s", (code, a, registration, now, seats) => {
    expect(decideManualCheckIn({ activity: a, registration, counts, seats, now })).toMatchObject({
      ok: false,
      code,
    });
  });
});

describe("decideUndoCheckIn", () => {
  it("undoes a check-in, and is a no-op otherwise", () => {
    expect(decideUndoCheckIn({ checkedInAt: START })).toEqual({
      ok: true,
      value: { changed: true },
    });
    expect(decideUndoCheckIn({ checkedInAt: null })).toEqual({
      ok: true,
      value: { changed: false },
    });
  });
});
