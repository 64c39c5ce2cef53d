import { describe, expect, it } from "vitest";
import { activity, plusMinutes, START } from "../../test/fixtures.js";
import { decideRegistrationCancellation } from "./cancellation.js";

const a = activity();
const confirmed = { status: "confirmed" as const, checkedInAt: null, partySize: 2 };

describe("decideRegistrationCancellation", () => {
  it("releases seats and asks for promotion before the cutoff, not late", () => {
    expect(
      decideRegistrationCancellation({
        activity: a,
        registration: confirmed,
        now: plusMinutes(START, -121),
      }),
    ).toEqual({ ok: true, value: { late: false, releasedSeats: 2, promoteWaitlist: true } });
  });

  it("is late after the cutoff (exactly at the cutoff it is not)", () => {
    expect(
      decideRegistrationCancellation({
        activity: a,
        registration: confirmed,
        now: plusMinutes(START, -120),
      }),
    ).toMatchObject({ value: { late: false } });
    expect(
      decideRegistrationCancellation({
        activity: a,
        registration: confirmed,
        now: plusMinutes(START, -119),
      }),
    ).toMatchObject({ value: { late: true, promoteWaitlist: true } });
  });

  it("a waitlisted cancellation is never late and frees nothing", () => {
    expect(
      decideRegistrationCancellation({
        activity: a,
        registration: { ...confirmed, status: "waitlisted" },
        now: plusMinutes(START, -1),
      }),
    ).toEqual({ ok: true, value: { late: false, releasedSeats: 0, promoteWaitlist: false } });
  });

  it("cancelling in a cancelled activity is fine and never late", () => {
    expect(
      decideRegistrationCancellation({
        activity: { ...a, status: "cancelled" },
        registration: confirmed,
        now: plusMinutes(START, 10),
      }),
    ).toEqual({ ok: true, value: { late: false, releasedSeats: 2, promoteWaitlist: false } });
    expect(
      decideRegistrationCancellation({
        activity: { ...a, status: "cancelled" },
        registration: { ...confirmed, status: "waitlisted" },
        now: START,
      }),
    ).toMatchObject({ value: { releasedSeats: 0 } });
  });

  it.each([
    [
      "REGISTRATION_ALREADY_CANCELLED",
      { ...confirmed, status: "cancelled" as const },
      plusMinutes(START, -500),
    ],
    [
      "ALREADY_ATTENDED",
      { ...confirmed, checkedInAt: plusMinutes(START, -30) },
      plusMinutes(START, -10),
    ],
    ["ACTIVITY_STARTED", confirmed, START],
  ])("refuses with %s", (code, registration, now) => {
    expect(decideRegistrationCancellation({ activity: a, registration, now })).toMatchObject({
      ok: false,
      code,
    });
  });
});
